package org.smc4j.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the spark-submit entry point; none of these start Spark. */
class SparkSweepMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws IOException {
    return SparkSweepMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldRefuseAMissingOutputFolder() throws IOException {
    assertThat(run("spec.yaml")).isEqualTo(2);
    assertThat(err())
        .contains(
            "usage: SparkSweepMain [--master URL] [--best N] [--data URI] [--funding URI]"
                + " SPEC.yaml OUT");
  }

  @Test
  void shouldRefuseAnUnknownOptionNamingIt() throws IOException {
    assertThat(run("--engine", "spark", "spec.yaml", "out")).isEqualTo(2);
    assertThat(err()).contains("unknown option --engine");
  }

  @Test
  void shouldRefuseAMasterWithoutValue() throws IOException {
    assertThat(run("spec.yaml", "out", "--master")).isEqualTo(2);
    assertThat(err()).contains("--master needs a value");
    assertThat(run("spec.yaml", "out", "--data")).isEqualTo(2);
    assertThat(err()).contains("--data needs a value");
  }

  @Test
  void shouldRefuseABadSpecBeforeStartingSparkNamingTheKeyPath(@TempDir Path dir)
      throws IOException {
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "data: " + dir,
            "symbols: [BTCUSDT]",
            "from: 2025-03-01",
            "to: 2025-03-15",
            "grid:",
            "  cartesian:",
            "    strategy.target.no-such-key: [1, 2]",
            ""));

    assertThat(run(spec.toString(), dir.resolve("out").toString())).isEqualTo(2);
    assertThat(err()).contains(spec.toString()).contains("strategy.target.no-such-key");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
