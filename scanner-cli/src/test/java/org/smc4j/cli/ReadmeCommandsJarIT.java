package org.smc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.testing.SharedData;

/**
 * Runs every command the README shows in a {@code ```bash} block, verbatim, through the built jar
 * on the real data: {@code ./smc4j} becomes {@code java -jar scanner-cli.jar}, the working
 * directory is a temporary copy of the project layout ({@code ../shared} linked to the real shared
 * folder, every project file a command names copied), so outputs land in the temp folder. Each
 * command must exit 0 within its timeout.
 *
 * <p>Skipped, each for a stated reason: {@code scan} without {@code --replay} (live OKX; {@code
 * --print-config} is offline and runs), {@code download} and {@code size} without {@code --specs}
 * (network), {@code ./mvn21} (a Maven build inside the build) and {@code examples/run.sh} (it
 * builds the examples module, which comes after this one; its tests run the examples). Any other
 * first word fails the test, so a new kind of README command cannot slip through unrun.
 */
class ReadmeCommandsJarIT {

  private static final long TIMEOUT_SECONDS = 600;

  @TempDir Path temp;

  /** One README command: its words, and where its standard output goes ({@code > file}). */
  record Command(String text, List<String> words, Optional<String> stdoutFile) {}

  /** Extracts the commands of the README's bash blocks: continuations joined, comments cut. */
  static List<Command> commands(String readme) {
    List<Command> out = new ArrayList<>();
    boolean inBash = false;
    StringBuilder pending = new StringBuilder();
    for (String line : readme.split("\n", -1)) {
      if (!inBash) {
        inBash = line.strip().equals("```bash");
        continue;
      }
      if (line.strip().equals("```")) {
        inBash = false;
        continue;
      }
      String code = line;
      int hash = code.indexOf(" #");
      if (hash >= 0) {
        code = code.substring(0, hash);
      }
      code = code.stripTrailing();
      if (code.endsWith("\\")) {
        pending.append(code, 0, code.length() - 1).append(' ');
        continue;
      }
      pending.append(code);
      String text = pending.toString().strip().replaceAll("\\s+", " ");
      pending.setLength(0);
      if (text.isEmpty()) {
        continue;
      }
      Optional<String> redirect = Optional.empty();
      int gt = text.indexOf(" > ");
      if (gt >= 0) {
        redirect = Optional.of(text.substring(gt + 3).strip());
        text = text.substring(0, gt).strip();
      }
      out.add(new Command(text, List.of(text.split(" ")), redirect));
    }
    return out;
  }

  /** Returns why a command is not run here, or empty when it runs. */
  static Optional<String> skipReason(Command c) {
    List<String> w = c.words();
    switch (w.get(0)) {
      case "./mvn21":
        return Optional.of("a Maven build inside the build");
      case "examples/run.sh":
        return Optional.of("builds the examples module, which comes after scanner-cli");
      case "./smc4j":
        break;
      default:
        throw new AssertionError("README command of an unknown kind, add it here: " + c.text());
    }
    String command = w.size() > 1 ? w.get(1) : "";
    boolean specs = w.contains("--specs");
    if (command.equals("scan") && !w.contains("--replay") && !w.contains("--print-config")) {
      return Optional.of("live OKX");
    }
    if (command.equals("trade")
        && !w.contains("--replay")
        && !w.contains("status")
        && !w.contains("stop")) {
      return Optional.of("live OKX");
    }
    if ((command.equals("download") || command.equals("size")) && !specs) {
      return Optional.of("needs the network (no --specs)");
    }
    return Optional.empty();
  }

  @Test
  void shouldRunEveryOfflineReadmeCommandVerbatimOnTheRealData() throws Exception {
    Path shared = SharedData.requireShared("data");
    Path project = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(project.resolve("README.md"), StandardCharsets.UTF_8);
    Path jar = Path.of(System.getProperty("smc4j.cli.jar", "target/scanner-cli.jar"));
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Path work = temp.resolve("smc4j");
    Files.createDirectories(work);
    Files.createSymbolicLink(temp.resolve("shared"), shared.getParent().toAbsolutePath());
    List<Command> commands = commands(readme);
    // Project files a command names (example configs, sweep specs) are copied into the layout.
    for (Command c : commands) {
      for (String word : c.words()) {
        Path file = project.resolve(word).normalize();
        if (!word.startsWith("-")
            && !word.startsWith("..")
            && file.startsWith(project)
            && Files.isRegularFile(file)
            && !Files.exists(work.resolve(word))) {
          Files.createDirectories(work.resolve(word).toAbsolutePath().getParent());
          Files.copy(file, work.resolve(word));
        }
      }
    }

    List<String> ran = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Command c : commands) {
      Optional<String> skip = skipReason(c);
      if (skip.isPresent()) {
        skipped.add(c.text() + "  (" + skip.get() + ")");
        continue;
      }
      List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toAbsolutePath().toString()));
      cmd.addAll(c.words().subList(1, c.words().size()));
      Path log = temp.resolve("run-" + ran.size() + ".txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("SMC4J_"));
      // the scanner's data folder (journal, signals, logs) lies in the temp folder, not the home
      pb.environment().put("XDG_DATA_HOME", temp.resolve("xdg-data").toString());
      pb.redirectErrorStream(c.stdoutFile().isEmpty());
      if (c.stdoutFile().isPresent()) {
        pb.redirectOutput(work.resolve(c.stdoutFile().get()).toFile());
        pb.redirectError(log.toFile());
      } else {
        pb.redirectOutput(log.toFile());
      }
      Process p = pb.start();
      boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(finished)
          .as("%s finishes within %d s; output:%n%s", c.text(), TIMEOUT_SECONDS, tail(output))
          .isTrue();
      assertThat(p.exitValue()).as("exit code of %s; output:%n%s", c.text(), tail(output)).isZero();
      ran.add(c.text());
    }

    System.out.println("README commands run: " + ran.size());
    ran.forEach(r -> System.out.println("  ran: " + r));
    skipped.forEach(s -> System.out.println("  skipped: " + s));
    // The README's offline examples: scan --print-config and --replay, three backtests, two
    // detects,
    // size with --specs, data check and data resample.
    assertThat(ran).hasSizeGreaterThanOrEqualTo(10);
    assertThat(work.resolve("smc4j.yaml")).isNotEmptyFile();
    assertThat(work.resolve("out/bt-btc/report.html")).isNotEmptyFile();
    assertThat(work.resolve("BTCUSDT_15m.csv")).isNotEmptyFile();
  }

  @Test
  void shouldJoinContinuationsCutCommentsAndKeepRedirects() {
    String readme =
        "text\n```bash\n./smc4j scan --print-config > smc4j.yaml   # defaults\n"
            + "./smc4j backtest --data a \\\n                 --out b\n```\n```\nnot bash\n```\n";

    List<Command> commands = commands(readme);

    assertThat(commands)
        .extracting(Command::text)
        .containsExactly("./smc4j scan --print-config", "./smc4j backtest --data a --out b");
    assertThat(commands.get(0).stdoutFile()).contains("smc4j.yaml");
    assertThat(
            skipReason(
                new Command(
                    "./smc4j scan --once",
                    Arrays.asList("./smc4j", "scan", "--once"),
                    Optional.empty())))
        .contains("live OKX");
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join(
        "\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
  }
}
