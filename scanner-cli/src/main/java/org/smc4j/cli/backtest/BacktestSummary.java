package org.smc4j.cli.backtest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.smc4j.app.backtest.BacktestRun;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.SymbolFailure;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;

/**
 * Prints what a backtest did: the summary table per symbol and in total, the skipped signals, the
 * files written and the failed symbols.
 */
final class BacktestSummary {

  private BacktestSummary() {}

  /**
   * Prints what a run did: the funding fallbacks, the summary, the files written and, on stderr,
   * each failed symbol.
   */
  static void print(PrintWriter out, PrintWriter err, BacktestRun run) {
    if (run.fundingFallbacks() > 0) {
      out.printf(
          Locale.ROOT,
          "funding: %d settlement(s) outside the history charged at the constant rate%n",
          run.fundingFallbacks());
    }
    print(out, run.result());
    out.println("written (run " + run.runId() + "):");
    for (Path p : run.written()) {
      out.println("  " + p);
    }
    for (SymbolFailure f : run.result().failures()) {
      err.println("error: " + f.symbol() + ": " + f.message());
    }
  }

  static void print(PrintWriter out, BacktestResult result) {
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(result.trades(), result.from(), result.to());
    out.printf(
        Locale.ROOT,
        "%n%-14s %7s %6s %7s %9s %12s %12s %7s %10s %12s %7s %9s %9s%n",
        "symbol",
        "trades",
        "wins",
        "win %",
        "avg R net",
        "net $ pess",
        "net $ opt",
        "PF",
        "max DD $",
        "max DD R net",
        "Sharpe",
        "fees $",
        "funding $");
    for (PerformanceMetrics m : metrics.values()) {
      out.printf(
          Locale.ROOT,
          "%-14s %7d %6d %7s %9s %12.4f %12.4f %7s %10.4f %12.2f %7s %9.4f %9.4f%n",
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
    long taken = result.signals().stream().filter(s -> s.status() == SignalStatus.TAKEN).count();
    out.printf(
        Locale.ROOT,
        "%,d candles, %d signal(s): %d taken, %d skipped; %d entr%s cancelled%n",
        result.bars(),
        result.signals().size(),
        taken,
        result.signals().size() - taken,
        result.cancellations().size(),
        result.cancellations().size() == 1 ? "y" : "ies");
    Map<String, Integer> reasons = skipReasons(result.signals());
    if (!reasons.isEmpty()) {
      StringBuilder sb = new StringBuilder("skipped by reason:");
      reasons.forEach((k, n) -> sb.append(' ').append(k).append(' ').append(n).append(','));
      out.println(sb.substring(0, sb.length() - 1));
    }
  }

  /**
   * Counts the skipped signals by the label of their {@link org.smc4j.trading.decision.SkipReason},
   * most frequent first (as the report groups them), e.g. {@code one position per symbol} or {@code
   * guard DAILY_LOSS+MAX_OPEN_RISK}.
   *
   * @param signals the journaled signals
   * @return kind to count
   */
  static Map<String, Integer> skipReasons(List<SignalRecord> signals) {
    Map<String, Integer> counts = new TreeMap<>();
    for (SignalRecord s : signals) {
      if (s.skip().isEmpty()) {
        continue;
      }
      String kind = s.skip().get().label();
      counts.merge(kind, 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    Map<String, Integer> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  private static String opt(OptionalDouble v, double scale, String format) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble() * scale) : "n/a";
  }
}
