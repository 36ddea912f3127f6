package org.smc4j.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSweepLauncherTest {

  private static SparkSweepLauncher.Request request(
      Path dir, Optional<Path> jar, List<Path> candidates, Map<String, String> env) {
    return new SparkSweepLauncher.Request(
        dir.resolve("spec.yaml"),
        dir.resolve("out"),
        "local[2]",
        jar,
        candidates,
        env,
        Path.of("/jdk/bin/java"));
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\nexit 0\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
    return file;
  }

  @Test
  void shouldPrintTheBuildAndSubmitCommandsWhenTheJarIsNotBuilt(@TempDir Path dir) {
    SparkSweepLauncher.Plan plan =
        SparkSweepLauncher.plan(
            request(dir, Optional.empty(), List.of(dir.resolve("missing.jar")), Map.of()));

    assertThat(plan.runnable()).isFalse();
    assertThat(plan.note())
        .contains("is not built")
        .contains(SparkSweepLauncher.BUILD_COMMAND)
        .contains("--spark-jar");
    assertThat(plan.commandLine())
        .isEqualTo(
            "spark-submit --class org.smc4j.sweep.spark.SparkSweepMain --master 'local[2]' "
                + Path.of("sweep-spark", "target", "smc4j-sweep-spark.jar")
                + " "
                + dir.resolve("spec.yaml")
                + " "
                + dir.resolve("out"));
  }

  @Test
  void shouldPreferSparkSubmitFromSparkHomeThenFromThePath(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("smc4j-sweep-spark.jar"), "jar");
    Path home = dir.resolve("spark");
    Path submit = executable(home.resolve("bin").resolve("spark-submit"));
    Path onPath = executable(dir.resolve("path").resolve("spark-submit"));

    SparkSweepLauncher.Plan fromHome =
        SparkSweepLauncher.plan(
            request(
                dir,
                Optional.empty(),
                List.of(dir.resolve("missing.jar"), jar),
                Map.of("SPARK_HOME", home.toString(), "PATH", onPath.getParent().toString())));
    SparkSweepLauncher.Plan fromPath =
        SparkSweepLauncher.plan(
            request(
                dir,
                Optional.of(jar),
                List.of(),
                Map.of("PATH", "/nowhere" + File.pathSeparator + onPath.getParent())));

    assertThat(fromHome.runnable()).isTrue();
    assertThat(fromHome.command())
        .containsExactly(
            submit.toString(),
            "--class",
            SparkSweepLauncher.MAIN_CLASS,
            "--master",
            "local[2]",
            jar.toString(),
            dir.resolve("spec.yaml").toString(),
            dir.resolve("out").toString());
    assertThat(fromPath.command().get(0)).isEqualTo(onPath.toString());
  }

  @Test
  void shouldRunJavaWithSparksModuleFlagsAndClassPathWithoutSparkSubmit(@TempDir Path dir)
      throws IOException {
    Path jar = Files.writeString(dir.resolve("smc4j-sweep-spark.jar"), "jar");
    Files.writeString(
        dir.resolve(SparkSweepLauncher.CLASSPATH_NAME), "/m2/spark-core.jar:/m2/scala.jar\n");

    SparkSweepLauncher.Plan plan =
        SparkSweepLauncher.plan(
            request(dir, Optional.empty(), List.of(jar), Map.of("PATH", "/nowhere")));

    assertThat(plan.runnable()).isTrue();
    List<String> expected = new ArrayList<>();
    expected.add("/jdk/bin/java");
    expected.addAll(SparkSweepLauncher.JVM_FLAGS);
    expected.addAll(
        List.of(
            "-cp",
            jar + File.pathSeparator + "/m2/spark-core.jar:/m2/scala.jar",
            SparkSweepLauncher.MAIN_CLASS,
            "--master",
            "local[2]",
            dir.resolve("spec.yaml").toString(),
            dir.resolve("out").toString()));
    assertThat(plan.command()).containsExactlyElementsOf(expected);
    assertThat(plan.displayLine())
        .contains(" -cp '" + jar + File.pathSeparator + "<2 more jars>' ")
        .endsWith(" 'local[2]' " + dir.resolve("spec.yaml") + " " + dir.resolve("out"));
    assertThat(plan.command())
        .contains(
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");
  }

  @Test
  void shouldSayWhatIsMissingWhenNeitherSparkSubmitNorTheClassPathIsThere(@TempDir Path dir)
      throws IOException {
    Path jar = Files.writeString(dir.resolve("smc4j-sweep-spark.jar"), "jar");

    SparkSweepLauncher.Plan plan =
        SparkSweepLauncher.plan(request(dir, Optional.of(jar), List.of(), Map.of()));

    assertThat(plan.runnable()).isFalse();
    assertThat(plan.note())
        .contains("neither spark-submit")
        .contains(SparkSweepLauncher.CLASSPATH_NAME);
    assertThat(plan.command()).contains(jar.toString());
  }

  @Test
  void shouldRefuseAJarThatDoesNotExist(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                SparkSweepLauncher.plan(
                    request(dir, Optional.of(dir.resolve("nope.jar")), List.of(), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--spark-jar: no such file: " + dir.resolve("nope.jar"));
    assertThatThrownBy(
            () ->
                SparkSweepLauncher.plan(
                    request(
                        dir,
                        Optional.empty(),
                        List.of(),
                        Map.of(SparkSweepLauncher.JAR_ENV, dir.resolve("x.jar").toString()))))
        .hasMessageStartingWith(SparkSweepLauncher.JAR_ENV + ": no such file: ");
  }

  @Test
  void shouldLookBesideTheCliJarInTheRepositoryAndInTheWorkingFolder() {
    Path cli = Path.of("/repo", "scanner-cli", "target", "scanner-cli.jar");

    assertThat(SparkSweepLauncher.defaultJarCandidates(Optional.of(cli), Path.of("/work")))
        .containsExactly(
            Path.of("/repo", "scanner-cli", "target", "smc4j-sweep-spark.jar"),
            Path.of("/repo", "sweep-spark", "target", "smc4j-sweep-spark.jar"),
            Path.of("/work", "sweep-spark", "target", "smc4j-sweep-spark.jar"));
  }
}
