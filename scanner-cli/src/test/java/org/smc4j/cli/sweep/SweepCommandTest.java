package org.smc4j.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.testing.SharedData;
import org.smc4j.sweep.CsvResultSink;
import org.smc4j.sweep.ParamValue;
import org.smc4j.sweep.ResultRow;
import picocli.CommandLine;

class SweepCommandTest {

  /** Exit code and captured output of one run. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Smc4jMain.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String spec(String body) {
    return "data: "
        + SharedData.requireData("binance-usdm").toString().replace('\\', '/')
        + "\n"
        + body;
  }

  private static Path write(Path dir, String text) throws IOException {
    Path f = dir.resolve("spec.yaml");
    Files.writeString(f, text);
    return f;
  }

  /** The backtest command's summary line of a symbol, from a row's metrics. */
  private static String backtestLine(PerformanceMetrics m) {
    return String.format(
        Locale.ROOT,
        "%-14s %7d %6d %7s %9s %12.4f %12.4f %7s %10.4f %12.2f %7s %9.4f %9.4f",
        m.scope(),
        m.trades(),
        m.wins(),
        opt(m.winRate(), 100, "%.1f"),
        opt(m.averageRNet(), 1, "%.3f"),
        m.netPnl(),
        m.optimisticNetPnl(),
        opt(m.profitFactor(), 1, "%.2f"),
        m.maxDrawdown(),
        m.maxDrawdownR(),
        opt(m.sharpe(), 1, "%.2f"),
        m.fees(),
        m.funding());
  }

  private static String opt(OptionalDouble v, double scale, String format) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble() * scale) : "n/a";
  }

  @Test
  void shouldWriteRowsThatTheBacktestCommandReportsForTheSameParameters(@TempDir Path dir)
      throws IOException {
    Path funding = SharedData.requireData("binance-usdm-funding");
    Path file =
        write(
            dir,
            spec(
                "funding: "
                    + funding.toString().replace('\\', '/')
                    + "\n"
                    + """
                symbols: [SOLUSDT]
                from: 2025-02-01
                to: 2025-03-01
                min-trades: 1
                grid:
                  cartesian:
                    strategy.target.reward-risk: [2, 3]
                    risk.max-cost-share: [1, 0.15]
                """));
    Run sweep =
        run("sweep", file.toString(), "--out", dir.resolve("sweep").toString(), "--no-progress");
    assertThat(sweep.exit()).as(sweep.err()).isEqualTo(ExitCodes.OK);
    assertThat(sweep.out()).contains("best by net-r (at least 1 trades):");
    assertThat(dir.resolve("sweep/report.html")).content().contains("Neighbours of the best");
    List<ResultRow> rows = CsvResultSink.read(dir.resolve("sweep").resolve(CsvResultSink.RESULTS));
    assertThat(rows).hasSize(4);

    ResultRow rr3 =
        rows.stream()
            .filter(r -> r.params().get("strategy.target.reward-risk").text().equals("3"))
            .filter(r -> r.params().get("risk.max-cost-share").text().equals("0.15"))
            .findFirst()
            .orElseThrow();
    Path config = dir.resolve("smc4j.yaml");
    Files.writeString(config, "risk: {max-cost-share: 0.15}\n");
    Run backtest =
        run(
            "backtest",
            "--data",
            SharedData.requireData("binance-usdm/SOLUSDT").toString(),
            "--from",
            "2025-02-01",
            "--to",
            "2025-03-01",
            "--rr",
            "3",
            "--funding",
            funding.toString(),
            "--config",
            config.toString(),
            "--out",
            dir.resolve("backtest").toString(),
            "--no-progress");
    assertThat(backtest.exit()).as(backtest.err()).isEqualTo(ExitCodes.OK);
    assertThat(backtest.out()).contains(backtestLine(rr3.metrics()));
    assertThat(rr3.metrics().trades()).isPositive();
    // the cost filter bites: the filtered run takes fewer trades than the unfiltered one
    ResultRow rr3Unfiltered =
        rows.stream()
            .filter(r -> r.params().get("strategy.target.reward-risk").text().equals("3"))
            .filter(r -> r.params().get("risk.max-cost-share").equals(ParamValue.parse("1")))
            .findFirst()
            .orElseThrow();
    assertThat(rr3.metrics().trades()).isLessThan(rr3Unfiltered.metrics().trades());
  }

  private static void assertRefused(Path dir, String body, String message) throws IOException {
    Path file = write(dir, spec(body));
    Run r = run("sweep", file.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error: " + file + ": " + message + System.lineSeparator());
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void shouldRefuseABadSpecBeforeAnyWorkNamingTheKeyPath(@TempDir Path dir) throws IOException {
    String head = "symbols: [SOLUSDT]\nfrom: 2025-02-01\nto: 2025-03-01\n";
    assertRefused(
        dir,
        head + "grid: {cartesian: {strategy.target.reward: [2, 3]}}\n",
        "grid.cartesian.strategy.target.reward: unknown parameter (a sweep can vary:"
            + " strategy.swing.15m.left, "
            + String.join(", ", org.smc4j.sweep.SweepParameters.keys()).substring(25)
            + ")");
    assertRefused(
        dir,
        head + "grid: {cartesian: {strategy.target.reward-risk: [2, 0]}}\n",
        "grid: strategy.target.reward-risk: must be > 0 and finite, was 0.0 (in combination 1:"
            + " strategy.target.reward-risk=0)");
    assertRefused(
        dir,
        head + "grid: {cartesian: {strategy.target.reward-risk: []}}\n",
        "grid.cartesian.strategy.target.reward-risk: no value to sweep (empty list)");
    assertRefused(
        dir,
        head
            + "grid: {cartesian: {strategy.target.reward-risk: [2]}}\n"
            + "walk-forward: {train: P1M, test: P1M}\n",
        "walk-forward: train P1M plus test P1M is longer than the data"
            + " [2025-02-01T00:00:00Z, 2025-03-01T00:00:00Z)");
    assertRefused(
        dir,
        "symbols: [XRPUSDT]\nfrom: 2025-02-01\nto: 2025-03-01\n"
            + "grid: {cartesian: {strategy.target.reward-risk: [2]}}\n",
        "symbols: XRPUSDT has no 5m candle files in "
            + SharedData.requireData("binance-usdm")
            + " (found [1000PEPEUSDT, BTCUSDT, NEARUSDT, SOLUSDT])");
    assertRefused(
        dir,
        "symbols: [SOLUSDT]\nfrom: 2025-02-01\nto: 2025-09-01\n"
            + "grid: {cartesian: {strategy.target.reward-risk: [2]}}\n",
        "to: 2025-09-01T00:00:00Z is after SOLUSDT's last 5m candle 2025-06-30T23:55:00Z: the"
            + " range is longer than the data");
    assertRefused(
        dir,
        head + "grid: {cartesian: {strategy.target.reward-risk: [2]}}\nrisk: {tolerance: 2}\n",
        "risk.tolerance: must be <= 1, was 2");
  }

  @Test
  void shouldWalkForwardWithTheOverfittingStatistics(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            spec(
                """
                symbols: [SOLUSDT]
                from: 2025-01-01
                to: 2025-04-01
                min-trades: 5
                grid:
                  cartesian:
                    strategy.target.reward-risk: [2, 3]
                walk-forward: {train: P1M, test: P1M}
                """));
    Path out = dir.resolve("wf");
    Run r = run("walkforward", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("walk-forward: 1 symbol(s) x 2 step(s) (train P1M, test P1M, step P1M, rolling)")
        .contains("probability of backtest overfitting (CSCV, 16 blocks, 12,870 splits, 2")
        .contains("deflated Sharpe ratio of the best combination");
    assertThat(Files.readAllLines(out.resolve("walkforward.csv"))).hasSize(3);
    assertThat(out.resolve("walkforward.html"))
        .content()
        .contains("Out of sample beside in sample");
    assertThat(out.resolve("in-sample").resolve(CsvResultSink.RESULTS)).isNotEmptyFile();
  }

  @Test
  void shouldRefuseAWalkForwardWithoutItsSection(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            spec(
                "symbols: [SOLUSDT]\nfrom: 2025-02-01\nto: 2025-03-01\n"
                    + "grid: {cartesian: {strategy.target.reward-risk: [2]}}\n"));
    Run r = run("walkforward", file.toString(), "--out", dir.resolve("wf").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "error: "
                + file
                + ": walk-forward: required by walkforward, e.g. {train: P2M, test: P1M}"
                + System.lineSeparator());
  }

  @Test
  void shouldHandTheSpecToSparkSubmitAndReturnItsExitCode(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            spec(
                "symbols: [SOLUSDT]\nfrom: 2025-02-01\nto: 2025-03-01\n"
                    + "grid: {cartesian: {strategy.target.reward-risk: [2, 3]}}\n"));
    Path jar = Files.writeString(dir.resolve("smc4j-sweep-spark.jar"), "jar");
    Path home = dir.resolve("spark");
    Path submit = home.resolve("bin").resolve("spark-submit");
    Files.createDirectories(submit.getParent());
    // a stand-in spark-submit: records its arguments, fails with 3
    Files.writeString(submit, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.args\"\nexit 3\n");
    assertThat(submit.toFile().setExecutable(true)).isTrue();

    Run run =
        runWith(
            Map.of("SPARK_HOME", home.toString(), "PATH", ""),
            List.of(),
            "sweep",
            file.toString(),
            "--out",
            dir.resolve("parquet").toString(),
            "--engine",
            "spark",
            "--master",
            "local[2]",
            "--spark-jar",
            jar.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    assertThat(Files.readAllLines(Path.of(submit + ".args")))
        .containsExactly(
            "--class",
            "org.smc4j.sweep.spark.SparkSweepMain",
            "--master",
            "local[2]",
            jar.toString(),
            file.toString(),
            dir.resolve("parquet").toString());
    assertThat(run.out()).contains("sweep on Spark (spark-submit " + submit + "):");
  }

  @Test
  void shouldPrintTheExactCommandWhenTheSparkJarIsNotBuilt(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            spec(
                "symbols: [SOLUSDT]\nfrom: 2025-02-01\nto: 2025-03-01\n"
                    + "grid: {cartesian: {strategy.target.reward-risk: [2, 3]}}\n"));

    Run run =
        runWith(
            Map.of("PATH", ""),
            List.of(dir.resolve("none.jar")),
            "sweep",
            file.toString(),
            "--out",
            dir.resolve("parquet").toString(),
            "--engine",
            "spark");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains(
            "error: the Spark jar (smc4j-sweep-spark.jar) is not built; build it from the"
                + " repository root with: ./mvn21 -B -pl sweep-spark -am package -DskipTests")
        .contains(
            "command: spark-submit --class org.smc4j.sweep.spark.SparkSweepMain --master"
                + " 'local[*]' sweep-spark/target/smc4j-sweep-spark.jar "
                + file
                + " "
                + dir.resolve("parquet"));
    assertThat(dir.resolve("parquet")).doesNotExist();
  }

  @Test
  void shouldRefuseABadSpecOrEngineBeforeLaunchingSpark(@TempDir Path dir) throws IOException {
    Path file = write(dir, spec("symbols: [SOLUSDT]\nfrom: 2025-02-01\nto: 2025-03-01\n"));

    Run badSpec =
        runWith(Map.of(), List.of(), "sweep", file.toString(), "--out", "x", "--engine", "spark");
    Run badEngine =
        runWith(Map.of(), List.of(), "sweep", file.toString(), "--out", "x", "--engine", "flink");

    assertThat(badSpec.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badSpec.err()).contains("grid").doesNotContain("spark-submit");
    assertThat(badEngine.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badEngine.err()).contains("--engine must be local or spark, was flink");
  }

  /** Runs with the Spark launch's environment and jar candidates replaced. */
  private static Run runWith(Map<String, String> env, List<Path> jars, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Smc4jMain.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    SweepCommand sweep = cmd.getSubcommands().get("sweep").getCommand();
    sweep.env = env;
    sweep.jarCandidates = jars;
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
