package org.smc4j.backtest.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  static RunInfo run(String command) {
    return RunInfo.start(command, CLOCK);
  }

  /** Commits one run that writes report.html and trades.csv with the given text. */
  static RunInfo commitRun(Path out, String text) throws IOException {
    RunInfo run = run("smc4j backtest --out " + out + " # " + text);
    try (OutputFolder folder = OutputFolder.open(out, run)) {
      folder.write("report.html", f -> Files.writeString(f, "report " + text));
      folder.writeAll(d -> List.of(Files.writeString(d.resolve("trades.csv"), "trades " + text)));
      folder.commit();
    }
    return run;
  }

  @Test
  void shouldShowNothingInTheTargetUntilCommitThenTheWholeRun() throws IOException {
    Path out = dir.resolve("runs/h1");
    RunInfo run = run("smc4j backtest --out runs/h1");
    try (OutputFolder folder = OutputFolder.open(out, run)) {
      Path report = folder.write("report.html", f -> Files.writeString(f, "first"));
      assertThat(report).hasContent("first");
      assertThat(out).doesNotExist();
      assertThat(folder.commit()).isEqualTo(out.toAbsolutePath());
    }
    assertThat(out.resolve("report.html")).hasContent("first");
    assertThat(RunInfo.parse(Files.readString(out.resolve(OutputFolder.RUN_FILE)))).isEqualTo(run);
    // only the lock file stays beside the folder
    assertThat(names(dir.resolve("runs"))).containsExactlyInAnyOrder("h1", ".h1.lock");
  }

  @Test
  void shouldRefuseASecondRunNamingTheFolderAndTheRunHoldingIt() throws IOException {
    Path out = dir.resolve("out");
    RunInfo first = run("smc4j backtest --data a --out out");
    try (OutputFolder folder = OutputFolder.open(out, first)) {
      assertThatThrownBy(() -> OutputFolder.open(out, run("smc4j backtest --data b --out out")))
          .isInstanceOf(OutputFolderBusyException.class)
          .hasMessageContaining("output folder " + out + " is in use by run " + first.id())
          .hasMessageContaining("smc4j backtest --data a --out out")
          .hasMessageContaining("choose another output folder")
          .satisfies(e -> assertThat(((OutputFolderBusyException) e).holder()).contains(first));
      folder.write("report.html", f -> Files.writeString(f, "a"));
      folder.commit();
    }
    // released: the next run may write
    commitRun(out, "b");
    assertThat(out.resolve("report.html")).hasContent("report b");
  }

  @Test
  void shouldLeaveThePreviousRunWhenTheNewOneFailsBeforeCommit() throws IOException {
    Path out = dir.resolve("out");
    RunInfo previous = commitRun(out, "one");
    try (OutputFolder folder = OutputFolder.open(out, run("second"))) {
      folder.write("report.html", f -> Files.writeString(f, "two"));
      assertThatThrownBy(
              () ->
                  folder.write(
                      "trades.csv",
                      f -> {
                        Files.writeString(f, "half a fi");
                        throw new IOException("disk full");
                      }))
          .hasMessage("disk full");
      assertThat(names(folder.resolve("x").getParent())).containsExactly("report.html");
    }
    assertThat(out.resolve("report.html")).hasContent("report one");
    assertThat(out.resolve("trades.csv")).hasContent("trades one");
    assertThat(RunInfo.parse(Files.readString(out.resolve(OutputFolder.RUN_FILE))))
        .isEqualTo(previous);
    assertThat(names(dir)).containsExactlyInAnyOrder("out", ".out.lock");
  }

  @Test
  void shouldKeepFilesThePreviousRunHadAndTheNewOneDidNotWrite() throws IOException {
    Path out = dir.resolve("out");
    commitRun(out, "one");
    Files.writeString(out.resolve("my-notes.txt"), "mine");
    Files.createDirectories(out.resolve("charts"));
    Files.writeString(out.resolve("charts/a.png"), "png");
    RunInfo second = run("second");
    try (OutputFolder folder = OutputFolder.open(out, second)) {
      folder.write("report.html", f -> Files.writeString(f, "two"));
      folder.commit();
    }
    assertThat(out.resolve("report.html")).hasContent("two");
    assertThat(out.resolve("trades.csv")).hasContent("trades one");
    assertThat(out.resolve("my-notes.txt")).hasContent("mine");
    assertThat(out.resolve("charts/a.png")).hasContent("png");
    assertThat(Files.readString(out.resolve(OutputFolder.RUN_FILE))).contains(second.id());
  }

  @Test
  void shouldCarryOverAFileThatKeepsEveryRun() throws IOException {
    Path out = dir.resolve("out");
    commitRun(out, "one");
    Files.writeString(out.resolve("journal.txt"), "run 1\n");
    try (OutputFolder folder = OutputFolder.open(out, run("second"))) {
      Path journal = folder.carryOver("journal.txt");
      Files.writeString(journal, "run 2\n", java.nio.file.StandardOpenOption.APPEND);
      assertThat(out.resolve("journal.txt")).hasContent("run 1");
      folder.commit();
    }
    assertThat(out.resolve("journal.txt")).hasContent("run 1\nrun 2");
  }

  @Test
  void shouldFinishASwapThatAKillInterruptedBetweenItsTwoRenames() throws IOException {
    Path out = dir.resolve("out");
    commitRun(out, "one");
    // the state after "target -> .out.previous" when the process died before
    // ".out.staging -> target": both runs complete beside an absent target
    Files.move(out, dir.resolve(".out.previous"));
    Path staging = Files.createDirectory(dir.resolve(".out.staging"));
    Files.writeString(staging.resolve("report.html"), "report two");
    RunInfo killed = run("killed");
    Files.writeString(staging.resolve(OutputFolder.RUN_FILE), killed.toText());
    try (OutputFolder folder = OutputFolder.open(out, run("third"))) {
      assertThat(out.resolve("report.html")).hasContent("report two");
      assertThat(RunInfo.parse(Files.readString(out.resolve(OutputFolder.RUN_FILE))))
          .isEqualTo(killed);
      assertThat(dir.resolve(".out.previous")).doesNotExist();
      assertThat(folder.run().commandLine()).isEqualTo("third");
    }
  }

  @Test
  void shouldRestoreThePreviousRunWhenTheStagingFolderIsIncomplete() throws IOException {
    Path out = dir.resolve("out");
    commitRun(out, "one");
    Files.move(out, dir.resolve(".out.previous"));
    Path staging = Files.createDirectory(dir.resolve(".out.staging"));
    Files.writeString(staging.resolve("report.html"), "half");
    try (OutputFolder folder = OutputFolder.open(out, run("next"))) {
      assertThat(out.resolve("report.html")).hasContent("report one");
      assertThat(names(folder.resolve("x").getParent())).isEmpty();
    }
  }

  @Test
  void shouldLeaveThePreviousRunIntactWhenAnotherProcessIsKilledMidWrite() throws Exception {
    Path out = dir.resolve("out");
    RunInfo previous = commitRun(out, "one");
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                KilledRun.class.getName(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = lines.readLine();
      assertThat(line).as("the child's first line").startsWith("writing ");
      String childId = line.substring("writing ".length());
      // the child holds the lock while it writes: a run here is refused and told who holds it
      assertThatThrownBy(() -> OutputFolder.open(out, run("here")))
          .isInstanceOf(OutputFolderBusyException.class)
          .hasMessageContaining("is in use by run " + childId)
          .hasMessageContaining("pid " + child.pid())
          .hasMessageContaining("KilledRun " + out);
      assertThat(dir.resolve(".out.staging/.trades.csv.part")).exists();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(out.resolve("report.html")).hasContent("report one");
    assertThat(out.resolve("trades.csv")).hasContent("trades one");
    assertThat(RunInfo.parse(Files.readString(out.resolve(OutputFolder.RUN_FILE))))
        .isEqualTo(previous);
    // the OS released the dead process's lock; the next run clears its staging folder
    RunInfo next = commitRun(out, "three");
    assertThat(Files.readString(out.resolve(OutputFolder.RUN_FILE))).contains(next.id());
    assertThat(out.resolve("trades.csv")).hasContent("trades three");
    assertThat(names(dir)).containsExactlyInAnyOrder("out", ".out.lock");
  }

  @Test
  void shouldWriteAFileAtomicallyOutsideAnOutputFolder() throws IOException {
    Path file = dir.resolve("a/report.html");
    OutputFolder.writeAtomically(file, f -> Files.writeString(f, "one"));
    assertThatThrownBy(
            () ->
                OutputFolder.writeAtomically(
                    file,
                    f -> {
                      Files.writeString(f, "tw");
                      throw new IOException("killed");
                    }))
        .hasMessage("killed");
    assertThat(file).hasContent("one");
    assertThat(names(dir.resolve("a"))).containsExactly("report.html");
  }

  @Test
  void shouldRefuseAFolderNoRunWroteThatHoldsFolders() throws IOException {
    Path project = dir.resolve("project");
    Files.createDirectories(project.resolve("src"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    assertThatThrownBy(() -> OutputFolder.open(project, run("x")))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "output folder "
                + project
                + " was not written by a run (no RUN.txt) and holds the folder src;"
                + " choose a new or empty output folder");
    assertThat(project.resolve("pom.xml")).hasContent("<project/>");
    assertThat(names(dir)).containsExactlyInAnyOrder("project", ".project.lock");
  }

  @Test
  void shouldAdoptAFolderOfPlainFilesFromBeforeRunFilesExisted() throws IOException {
    Path out = Files.createDirectories(dir.resolve("old"));
    Files.writeString(out.resolve("trades.csv"), "old trades");
    Files.writeString(out.resolve("report.html"), "old report");
    commitRun(out, "new");
    assertThat(out.resolve("trades.csv")).hasContent("trades new");
    assertThat(out.resolve("report.html")).hasContent("report new");
  }

  @Test
  void shouldRefuseTheWorkingFolderAndItsParents() {
    Path working = Path.of("").toAbsolutePath();
    for (Path folder : List.of(working, working.getParent())) {
      assertThatThrownBy(() -> OutputFolder.open(folder, run("x")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("must not be the working folder or hold it");
    }
  }

  @Test
  void shouldRejectANameWithAFolderPart() throws IOException {
    try (OutputFolder folder = OutputFolder.open(dir.resolve("out"), run("x"))) {
      assertThatThrownBy(() -> folder.resolve("../escape.txt"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("name must be a plain file name, was '../escape.txt'");
    }
  }

  @Test
  void shouldRoundTripARunThroughItsText() {
    RunInfo run = new RunInfo("r-1", Instant.parse("2025-01-01T00:00:00Z"), 42, "smc4j x\ny");
    RunInfo back = RunInfo.parse(run.toText());
    assertThat(back.id()).isEqualTo("r-1");
    assertThat(back.commandLine()).isEqualTo("smc4j x y");
    assertThat(run.describe())
        .isEqualTo("run r-1 (pid 42, started 2025-01-01T00:00:00Z): smc4j x\ny");
    assertThatThrownBy(() -> RunInfo.parse("id=a\npid=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no 'started=' line");
  }

  static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A run in another process that is killed while it writes: prints its id, then hangs. */
  static final class KilledRun {

    private KilledRun() {}

    public static void main(String[] args) throws Exception {
      Path out = Path.of(args[0]);
      RunInfo run = RunInfo.start("KilledRun " + out, Clock.systemUTC());
      @SuppressWarnings("resource") // never closed: the process is killed while it writes
      OutputFolder folder = OutputFolder.open(out, run);
      folder.write("report.html", f -> Files.writeString(f, "report two"));
      folder.write(
          "trades.csv",
          f -> {
            Files.writeString(f, "trades tw");
            System.out.println("writing " + run.id());
            System.out.flush();
            // hang until killed, as a run stopped mid-write by a kill -9 or a power cut
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(10));
          });
    }
  }
}
