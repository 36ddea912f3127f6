package org.smc4j.app.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Starts the {@code sweep-spark} jar for {@code smc4j sweep --engine spark} in a JVM of its own:
 * Spark cannot run inside the CLI's JVM (its log4j binding refuses the CLI's log4j-to-slf4j
 * bridge), and the CLI jar carries no Spark.
 *
 * <p>{@link #plan} picks, in this order: {@code spark-submit} ({@code $SPARK_HOME/bin}, else the
 * {@code PATH}); else {@code java} (the JDK running the CLI, 21 or newer) with Spark's module flags
 * and the class path that {@code sweep-spark}'s build writes beside its jar ({@value
 * #CLASSPATH_NAME}: Spark's jars as Maven resolved them). When the jar is not built, or neither way
 * is available, the plan is not runnable and carries the exact commands to build and submit.
 */
public final class SparkSweepLauncher {

  /** The {@code spark-submit} entry point. */
  public static final String MAIN_CLASS = "org.smc4j.sweep.spark.SparkSweepMain";

  /** The file name of the shaded jar. */
  public static final String JAR_NAME = "smc4j-sweep-spark.jar";

  /** The file beside the jar that lists Spark's jars (one class path line). */
  public static final String CLASSPATH_NAME = "smc4j-sweep-spark.classpath";

  /** Environment variable naming the jar. */
  public static final String JAR_ENV = "SMC4J_SWEEP_SPARK_JAR";

  /** How to build the jar, from the repository root. */
  public static final String BUILD_COMMAND = "./mvn21 -B -pl sweep-spark -am package -DskipTests";

  /**
   * The JVM flags of Spark 4.2.0's launcher ({@code JavaModuleOptions.defaultModuleOptions()}),
   * which {@code spark-submit} adds itself.
   */
  public static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=jdk.incubator.vector",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dio.netty.allocator.type=pooled",
          "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
          "--sun-misc-unsafe-memory-access=allow",
          "--enable-native-access=ALL-UNNAMED");

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private SparkSweepLauncher() {}

  /**
   * What to launch.
   *
   * @param specFile the sweep spec
   * @param out the Parquet output folder
   * @param master the Spark master, e.g. {@code local[*]} or {@code spark://host:7077}
   * @param jar the jar given on the command line, if any (it must exist)
   * @param jarCandidates where to look for the jar otherwise, in order
   * @param env the environment ({@code SPARK_HOME}, {@code PATH}, {@value #JAR_ENV})
   * @param java the {@code java} executable of the running JDK
   */
  public record Request(
      Path specFile,
      Path out,
      String master,
      Optional<Path> jar,
      List<Path> jarCandidates,
      Map<String, String> env,
      Path java) {

    /** Copies the lists and rejects nulls and a blank master. */
    public Request {
      Objects.requireNonNull(specFile, "specFile");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(master, "master");
      if (master.isBlank()) {
        throw new IllegalArgumentException("--master must not be blank");
      }
      Objects.requireNonNull(jar, "jar");
      jarCandidates = List.copyOf(jarCandidates);
      env = Map.copyOf(env);
      Objects.requireNonNull(java, "java");
    }
  }

  /**
   * A launch: the command, and whether it can run here.
   *
   * @param runnable whether {@link #command} can be started now
   * @param command the command ({@code spark-submit ...} or {@code java ...})
   * @param note what was found or what is missing, one sentence a user can act on
   */
  public record Plan(boolean runnable, List<String> command, String note) {

    /** Copies the command. */
    public Plan {
      command = List.copyOf(command);
      Objects.requireNonNull(note, "note");
    }

    /**
     * Returns the command as a shell line, arguments quoted where a shell would split or expand
     * them (e.g. {@code 'local[*]'}).
     *
     * @return the line
     */
    public String commandLine() {
      return shellLine(command);
    }

    /**
     * Returns the command as {@link #commandLine()} does, but with a long class path shown as its
     * first entry and a count (the java launch puts some 180 of Spark's jars there).
     *
     * @return the line to print
     */
    public String displayLine() {
      List<String> shown = new ArrayList<>(command);
      int cp = shown.indexOf("-cp");
      if (cp >= 0 && cp + 1 < shown.size()) {
        String[] entries = shown.get(cp + 1).split(Pattern.quote(File.pathSeparator));
        if (entries.length > 2) {
          shown.set(
              cp + 1, entries[0] + File.pathSeparator + "<" + (entries.length - 1) + " more jars>");
        }
      }
      return shellLine(shown);
    }
  }

  /**
   * Decides how to launch.
   *
   * @param r the request
   * @return the plan
   * @throws IllegalArgumentException when the jar given on the command line does not exist
   */
  public static Plan plan(Request r) {
    Objects.requireNonNull(r, "r");
    Optional<Path> jar = findJar(r);
    Optional<Path> submit = sparkSubmit(r.env());
    Path shownJar = jar.orElse(Path.of("sweep-spark", "target", JAR_NAME));
    List<String> submitCommand = new ArrayList<>();
    submitCommand.add(submit.map(Path::toString).orElse("spark-submit"));
    submitCommand.addAll(
        List.of("--class", MAIN_CLASS, "--master", r.master(), shownJar.toString()));
    submitCommand.add(r.specFile().toString());
    submitCommand.add(r.out().toString());
    if (jar.isEmpty()) {
      return new Plan(
          false,
          submitCommand,
          "the Spark jar ("
              + JAR_NAME
              + ") is not built; build it from the repository root with: "
              + BUILD_COMMAND
              + " (or name it with --spark-jar or "
              + JAR_ENV
              + ")");
    }
    if (submit.isPresent()) {
      return new Plan(true, submitCommand, "spark-submit " + submit.get());
    }
    Path classpathFile = jar.get().resolveSibling(CLASSPATH_NAME);
    if (Files.isRegularFile(classpathFile)) {
      String sparkJars;
      try {
        sparkJars = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + classpathFile + ": " + e, e);
      }
      List<String> command = new ArrayList<>();
      command.add(r.java().toString());
      command.addAll(JVM_FLAGS);
      command.add("-cp");
      command.add(jar.get() + File.pathSeparator + sparkJars);
      command.add(MAIN_CLASS);
      command.addAll(List.of("--master", r.master(), r.specFile().toString(), r.out().toString()));
      return new Plan(
          true, command, "no spark-submit found; java with Spark's jars from " + classpathFile);
    }
    return new Plan(
        false,
        submitCommand,
        "neither spark-submit (SPARK_HOME or PATH) nor "
            + classpathFile
            + " (written by "
            + BUILD_COMMAND
            + ") was found");
  }

  /**
   * Starts a runnable plan with this process's standard streams and waits for it.
   *
   * @param plan the plan
   * @return the launched program's exit code
   * @throws IOException when it cannot be started
   * @throws InterruptedException when interrupted while waiting
   * @throws IllegalArgumentException when the plan is not runnable
   */
  public static int run(Plan plan) throws IOException, InterruptedException {
    if (!plan.runnable()) {
      throw new IllegalArgumentException("not runnable: " + plan.note());
    }
    Process p = new ProcessBuilder(plan.command()).inheritIO().start();
    return p.waitFor();
  }

  /**
   * Returns where the jar is looked for by default: beside the running CLI jar, in {@code
   * sweep-spark/target} of the repository the CLI jar was built in, and in {@code
   * sweep-spark/target} of the working folder.
   *
   * @param cliJar the running CLI jar (or classes folder), if known
   * @param workingDir the working folder
   * @return the candidates, in order
   */
  public static List<Path> defaultJarCandidates(Optional<Path> cliJar, Path workingDir) {
    List<Path> c = new ArrayList<>();
    cliJar
        .map(Path::toAbsolutePath)
        .map(Path::getParent)
        .ifPresent(
            dir -> {
              c.add(dir.resolve(JAR_NAME));
              Path repo = dir.getParent() == null ? null : dir.getParent().getParent();
              if (repo != null) {
                c.add(repo.resolve("sweep-spark").resolve("target").resolve(JAR_NAME));
              }
            });
    c.add(workingDir.resolve("sweep-spark").resolve("target").resolve(JAR_NAME));
    return c;
  }

  private static Optional<Path> findJar(Request r) {
    if (r.jar().isPresent()) {
      Path j = r.jar().get();
      if (!Files.isRegularFile(j)) {
        throw new IllegalArgumentException("--spark-jar: no such file: " + j);
      }
      return r.jar();
    }
    String fromEnv = r.env().get(JAR_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path j = Path.of(fromEnv);
      if (!Files.isRegularFile(j)) {
        throw new IllegalArgumentException(JAR_ENV + ": no such file: " + j);
      }
      return Optional.of(j);
    }
    return r.jarCandidates().stream().filter(Files::isRegularFile).findFirst();
  }

  private static Optional<Path> sparkSubmit(Map<String, String> env) {
    String home = env.get("SPARK_HOME");
    if (home != null && !home.isBlank()) {
      Path p = Path.of(home, "bin", "spark-submit");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
      if (dir.isBlank()) {
        continue;
      }
      Path p = Path.of(dir, "spark-submit");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static String shellLine(List<String> command) {
    StringBuilder b = new StringBuilder();
    for (String a : command) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return b.toString();
  }
}
