package org.smc4j.cli.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.sweep.SweepInputs;
import org.smc4j.app.sweep.SweepJob;
import org.smc4j.app.sweep.SweepSpecLoader;
import org.smc4j.app.sweep.WalkForwardFiles;
import org.smc4j.cli.ExitCodes;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.FundingHistories;
import org.smc4j.sweep.LocalSweepRunner;
import org.smc4j.sweep.SweepProgress;
import org.smc4j.sweep.walkforward.StepResult;
import org.smc4j.sweep.walkforward.WalkForward;
import org.smc4j.sweep.walkforward.WalkForwardResult;
import org.smc4j.sweep.walkforward.WalkForwardScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j walkforward SPEC.yaml --out DIR}: for each symbol and step of the spec's {@code
 * walk-forward} section, chooses the combination with the best objective on the train window and
 * runs it on the next test window; prints the steps, the out-of-sample result beside the in-sample
 * promise, the probability of backtest overfitting and the deflated Sharpe ratio; writes {@code
 * walkforward.csv}, {@code equity.csv}, {@code walkforward.html} and the in-sample sweep under
 * {@code in-sample/} (a rerun resumes it).
 */
@Command(
    name = "walkforward",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Walk-forward over a sweep spec: the best combination of each train window runs on the next"
          + " test window; the test windows laid end to end are the out-of-sample result.",
      "Also computes the probability of backtest overfitting (CSCV) and the deflated Sharpe ratio"
          + " of the grid over the whole range.",
      "Writes walkforward.csv, equity.csv, walkforward.html and in-sample/ (resumable)."
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 a task failed, 2 bad spec or option.",
      "Example:",
      "  smc4j walkforward scanner-cli/sweep.example.yaml --out runs/walkforward"
    })
public final class WalkForwardCommand implements Callable<Integer> {

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

  @Option(names = "--no-progress", description = "Print no progress bar.")
  boolean noProgress;

  /** Creates the command (picocli). */
  public WalkForwardCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    SweepJob job;
    CandleCache candles;
    FundingHistories funding;
    WalkForwardScheme scheme;
    try {
      job = SweepSpecLoader.load(specFile);
      scheme =
          job.walkForward()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "walk-forward", "required by walkforward, e.g. {train: P2M, test: P1M}"));
      candles = SweepInputs.candles(job);
      funding = SweepInputs.funding(job);
    } catch (ConfigException e) {
      err.println("error: " + SweepCommand.located(e, specFile));
      err.flush();
      return ExitCodes.USAGE;
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    int steps = scheme.windows(job.spec().from(), job.spec().to()).size();
    stdout.printf(
        Locale.ROOT,
        "walk-forward: %d symbol(s) x %d step(s) (train %s, test %s, step %s, %s) x %,d"
            + " combination(s) on %d thread(s)%n",
        job.spec().symbols().size(),
        steps,
        scheme.train(),
        scheme.test(),
        scheme.step(),
        scheme.anchored() ? "anchored" : "rolling",
        job.spec().grid().size(),
        n);
    stdout.println(
        "the in-sample sweep, then the chosen combinations on the test windows and every"
            + " combination over the whole range (overfitting statistics) ...");
    stdout.flush();
    SweepProgress.Listener progress =
        noProgress ? SweepProgress.Listener.NONE : new ProgressBar(err, System.console() != null);
    LocalSweepRunner runner = new LocalSweepRunner(n, candles, progress, System::nanoTime, funding);
    WalkForwardResult r = new WalkForward(runner, candles, n, funding).run(job.spec(), scheme, out);
    stdout.printf(
        Locale.ROOT,
        "%n%-14s %4s %-23s %7s %9s %7s %9s  %s%n",
        "symbol",
        "step",
        "test",
        "IS trd",
        "IS R*",
        "OOS trd",
        "OOS R",
        "chosen");
    for (StepResult s : r.steps()) {
      stdout.printf(
          Locale.ROOT,
          "%-14s %4d %-23s %7s %9.3f %7s %9.3f  %s%n",
          s.symbol(),
          s.window().index(),
          s.window().test().from().toString().substring(0, 10)
              + ".."
              + s.window().test().to().toString().substring(0, 10),
          s.inSample().map(m -> Integer.toString(m.trades())).orElse("-"),
          s.inSampleNetRScaled(),
          s.outOfSample().map(m -> Integer.toString(m.trades())).orElse("-"),
          s.outOfSampleNetR(),
          s.params().map(Object::toString).orElse("none (too few trades in the train window)"));
    }
    stdout.println("(IS R*: the train window's net R scaled to the test window's length)");
    for (String line : WalkForwardFiles.summary(r)) {
      stdout.println(line);
    }
    List<Path> written = WalkForwardFiles.write(out, job.spec(), r);
    stdout.println("written:");
    for (Path p : written) {
      stdout.println("  " + p);
    }
    stdout.flush();
    return ExitCodes.OK;
  }
}
