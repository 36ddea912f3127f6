package org.smc4j.cli.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.sweep.SparkSweepLauncher;
import org.smc4j.app.sweep.SweepHtmlReport;
import org.smc4j.app.sweep.SweepInputs;
import org.smc4j.app.sweep.SweepJob;
import org.smc4j.app.sweep.SweepSpecLoader;
import org.smc4j.cli.ExitCodes;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.ComboScore;
import org.smc4j.sweep.CsvResultSink;
import org.smc4j.sweep.FundingHistories;
import org.smc4j.sweep.LocalSweepRunner;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.SweepProgress;
import org.smc4j.sweep.SweepRanking;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepSummary;
import org.smc4j.sweep.TaskFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j sweep SPEC.yaml --out DIR}: backtests every combination of the spec's grid on every
 * symbol (each a single-symbol {@code smc4j backtest} with those parameters), on all cores, and
 * writes {@code DIR/results.csv} (one row per symbol, window and combination), {@code DIR/tasks/}
 * (one file per finished task: a rerun resumes) and {@code DIR/report.html}. Prints the best
 * combinations. A bad spec is refused before any work, naming the key path. With {@code --engine
 * spark} it hands the spec to the {@code sweep-spark} jar in a JVM of its own ({@link
 * SparkSweepLauncher}), which writes Parquet rows under {@code DIR}, or prints the exact command.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Backtest a grid of parameter combinations (any strategy, risk, guard or backtest key of"
          + " smc4j.yaml, by its key path) on several symbols, on all cores.",
      "Writes results.csv, one file per finished task under tasks/ (run again to resume after a"
          + " crash) and report.html (heat map, distribution, neighbours of the best).",
      "Each row is what `smc4j backtest --symbols SYMBOL --from --to` reports for those"
          + " parameters (funding from the spec's funding folder or the constant rate; contract"
          + " specs inferred from the candles)."
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 a task failed, 2 bad spec or option (or the Spark jar is not"
          + " built: the command to build it and to submit the sweep is printed).",
      "Examples:",
      "  smc4j sweep scanner-cli/sweep.example.yaml --out runs/sweep",
      "  smc4j sweep scanner-cli/sweep.example.yaml --out runs/sweep-parquet --engine spark"
    })
public final class SweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The sweep spec (YAML).")
  Path specFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--top", paramLabel = "N", description = "Combinations printed (default: 10).")
  int top = 10;

  @Option(names = "--no-progress", description = "Print no progress bar.")
  boolean noProgress;

  @Option(
      names = "--engine",
      paramLabel = "local|spark",
      description =
          "local (default): a thread pool in this JVM. spark: the sweep-spark jar through"
              + " spark-submit (or java with Spark's jars), rows as Parquet under --out.")
  String engine = "local";

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master for --engine spark (default: local[*]).")
  String master = "local[*]";

  @Option(
      names = "--spark-jar",
      paramLabel = "JAR",
      description =
          "The sweep-spark jar (default: $SMC4J_SWEEP_SPARK_JAR, else sweep-spark/target).")
  Path sparkJar;

  /** The environment the Spark launch looks in (SPARK_HOME, PATH); tests replace it. */
  Map<String, String> env = System.getenv();

  /** Where the Spark jar is looked for without --spark-jar; null: the defaults. Tests set it. */
  List<Path> jarCandidates;

  /** Creates the command (picocli). */
  public SweepCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    if (!engine.equals("local") && !engine.equals("spark")) {
      throw new IllegalArgumentException("--engine must be local or spark, was " + engine);
    }
    SweepJob job;
    CandleCache candles;
    FundingHistories funding;
    try {
      job = SweepSpecLoader.load(specFile);
      if (engine.equals("spark")) {
        return spark(stdout, err);
      }
      candles = SweepInputs.candles(job);
      funding = SweepInputs.funding(job);
    } catch (ConfigException e) {
      err.println("error: " + located(e, specFile));
      err.flush();
      return ExitCodes.USAGE;
    }
    SweepSpec s = job.spec();
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    stdout.printf(
        Locale.ROOT,
        "sweep: %d symbol(s) x %d window(s) x %,d combination(s) = %,d backtests in %,d tasks on"
            + " %d thread(s)%n",
        s.symbols().size(),
        s.windows().size(),
        s.grid().size(),
        s.symbols().size() * s.windows().size() * s.grid().size(),
        s.tasks().size(),
        n);
    stdout.flush();
    CsvResultSink sink = CsvResultSink.open(out, s);
    SweepProgress.Listener progress =
        noProgress ? SweepProgress.Listener.NONE : new ProgressBar(err, System.console() != null);
    SweepSummary summary =
        new LocalSweepRunner(n, candles, progress, System::nanoTime, funding).run(s, sink);
    stdout.printf(
        Locale.ROOT,
        "%d task(s): %d resumed, %d run, %d failed; %,d backtests in %s%n",
        summary.tasks(),
        summary.resumed(),
        summary.ran(),
        summary.failures().size(),
        summary.combos(),
        ProgressBar.clock(summary.elapsed()));
    List<ResultRow> rows = CsvResultSink.read(sink.resultsFile());
    List<ComboScore> ranked = SweepRanking.rank(rows, s.objective(), s.minTrades());
    printTop(stdout, s, ranked, top);
    Path report = SweepHtmlReport.write(out.resolve("report.html"), s, job.heatMap(), ranked);
    stdout.println("written:");
    stdout.println("  " + sink.resultsFile());
    stdout.println("  " + report);
    for (TaskFailure f : summary.failures()) {
      err.println("error: task " + f.taskId() + ": " + f.message());
    }
    stdout.flush();
    return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private int spark(PrintWriter stdout, PrintWriter err) throws IOException {
    Optional<Path> cliJar = Optional.empty();
    try {
      cliJar =
          Optional.of(
              Path.of(
                  SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
      // no code source: only the working folder and the environment are searched
    }
    SparkSweepLauncher.Plan plan =
        SparkSweepLauncher.plan(
            new SparkSweepLauncher.Request(
                specFile,
                out,
                master,
                Optional.ofNullable(sparkJar),
                jarCandidates != null
                    ? jarCandidates
                    : SparkSweepLauncher.defaultJarCandidates(cliJar, Path.of("")),
                env,
                Path.of(System.getProperty("java.home"), "bin", "java")));
    if (!plan.runnable()) {
      err.println("error: " + plan.note());
      err.println("command: " + plan.commandLine());
      err.flush();
      return ExitCodes.USAGE;
    }
    stdout.println("sweep on Spark (" + plan.note() + "):");
    stdout.println("  " + plan.displayLine());
    stdout.flush();
    try {
      return SparkSweepLauncher.run(plan);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted while the Spark sweep ran");
      return ExitCodes.FAILED;
    }
  }

  static String located(ConfigException e, Path file) {
    String m = e.getMessage();
    return m.startsWith(file.toString()) ? m : file + ": " + m;
  }

  static void printTop(PrintWriter out, SweepSpec s, List<ComboScore> ranked, int top) {
    out.printf(
        Locale.ROOT,
        "%nbest by %s (at least %d trades):%n%4s %6s %10s %7s %9s %9s  %s%n",
        s.objective().yamlName(),
        s.minTrades(),
        "#",
        "combo",
        "score",
        "trades",
        "net R",
        "net $",
        "parameters");
    for (int i = 0; i < Math.min(top, ranked.size()); i++) {
      ComboScore c = ranked.get(i);
      out.printf(
          Locale.ROOT,
          "%4d %6d %10s %7d %9.3f %9.3f  %s%n",
          i + 1,
          c.combo(),
          c.score().isPresent()
              ? String.format(Locale.ROOT, "%.3f", c.score().getAsDouble())
              : "n/a",
          c.trades(),
          c.netR(),
          c.netUsd(),
          c.params());
    }
  }
}
