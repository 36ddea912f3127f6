package org.smc4j.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.smc4j.backtest.metrics.PerformanceMetrics;

/** Ranks a sweep's combinations by its objective over all their rows. */
public final class SweepRanking {

  private SweepRanking() {}

  /**
   * Scores every combination and sorts them best first (combinations without a score last, then by
   * index).
   *
   * @param rows the sweep's rows
   * @param objective the objective
   * @param minTrades the fewest trades (summed over the combination's rows) to be scored
   * @return one score per combination that has rows
   */
  public static List<ComboScore> rank(List<ResultRow> rows, Objective objective, int minTrades) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(objective, "objective");
    Map<Long, List<ResultRow>> byCombo = new TreeMap<>();
    for (ResultRow r : rows) {
      byCombo.computeIfAbsent(r.combo(), k -> new ArrayList<>()).add(r);
    }
    List<ComboScore> out = new ArrayList<>();
    boolean additive = objective == Objective.NET_R || objective == Objective.NET_USD;
    for (Map.Entry<Long, List<ResultRow>> e : byCombo.entrySet()) {
      List<ResultRow> own = e.getValue();
      int trades = 0;
      double netR = 0;
      double netUsd = 0;
      double fees = 0;
      double sum = 0;
      int defined = 0;
      for (ResultRow r : own) {
        PerformanceMetrics m = r.metrics();
        trades += m.trades();
        netR += m.totalRNet();
        netUsd += m.netPnl();
        fees += m.fees();
        OptionalDouble v = objective.value(m);
        if (v.isPresent()) {
          sum += v.getAsDouble();
          defined++;
        }
      }
      OptionalDouble score =
          trades < minTrades || defined == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(additive ? sum : sum / defined);
      out.add(
          new ComboScore(
              e.getKey(), own.get(0).params(), score, own.size(), trades, netR, netUsd, fees));
    }
    out.sort(
        Comparator.comparing((ComboScore c) -> c.score().isEmpty())
            .thenComparing(c -> c.score().isPresent() ? -c.score().getAsDouble() : 0.0)
            .thenComparingLong(ComboScore::combo));
    return out;
  }
}
