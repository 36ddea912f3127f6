package org.smc4j.backtest.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.smc4j.trading.order.Trade;

/**
 * Computes {@link PerformanceMetrics} of trades over a backtest period.
 *
 * <p>Daily returns for Sharpe and Sortino are the net P&amp;L of the trades closed on each UTC day
 * of the period (days without a close count as 0) over a constant capital; the ratios do not depend
 * on that capital. They are annualised with {@code sqrt(365)} (crypto trades every day). Sharpe
 * uses the sample standard deviation; Sortino the downside deviation {@code sqrt(mean(min(r,
 * 0)^2))}.
 */
public final class MetricsCalculator {

  private static final double DAYS_PER_YEAR = 365;

  private MetricsCalculator() {}

  /**
   * Computes the metrics per symbol (sorted by symbol) followed by the total ({@link
   * PerformanceMetrics#ALL}).
   *
   * @param trades the closed trades
   * @param from the start of the backtest period
   * @param to the end of the backtest period, after {@code from}
   * @return the metrics, keyed by scope, in order: symbols, then {@code ALL}
   * @throws IllegalArgumentException when {@code to} is not after {@code from}
   */
  public static Map<String, PerformanceMetrics> bySymbolAndTotal(
      List<Trade> trades, Instant from, Instant to) {
    Map<String, List<Trade>> bySymbol = new TreeMap<>();
    for (Trade t : trades) {
      bySymbol.computeIfAbsent(t.symbol(), k -> new ArrayList<>()).add(t);
    }
    Map<String, PerformanceMetrics> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Trade>> e : bySymbol.entrySet()) {
      out.put(e.getKey(), compute(e.getKey(), e.getValue(), from, to));
    }
    out.put(PerformanceMetrics.ALL, compute(PerformanceMetrics.ALL, trades, from, to));
    return out;
  }

  /**
   * Computes the metrics of some trades.
   *
   * @param scope the name of the set, e.g. a symbol
   * @param trades the closed trades
   * @param from the start of the backtest period
   * @param to the end of the backtest period, after {@code from}
   * @return the metrics
   * @throws IllegalArgumentException when {@code to} is not after {@code from}
   */
  public static PerformanceMetrics compute(
      String scope, List<Trade> trades, Instant from, Instant to) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(trades, "trades");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to " + to + " must be after from " + from);
    }
    int n = trades.size();
    int wins = 0;
    int ambiguous = 0;
    double gross = 0;
    double net = 0;
    double optimistic = 0;
    double rGross = 0;
    double rNet = 0;
    double won = 0;
    double lost = 0;
    double fees = 0;
    double funding = 0;
    double slippage = 0;
    for (Trade t : trades) {
      double p = t.netPnl();
      if (p > 0) {
        wins++;
        won += p;
      } else {
        lost -= p;
      }
      if (t.ambiguous()) {
        ambiguous++;
      }
      gross += t.grossPnl();
      net += p;
      optimistic += t.optimisticNetPnl();
      rGross += t.rGross();
      rNet += t.rNet();
      fees += t.fees();
      funding += t.funding();
      slippage += t.slippageCost();
    }
    EquityCurve curve = EquityCurve.of(trades);
    double[] daily = dailyPnl(trades, from, to);
    return new PerformanceMetrics(
        scope,
        n,
        wins,
        ambiguous,
        n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) wins / n),
        n == 0 ? OptionalDouble.empty() : OptionalDouble.of(rGross / n),
        n == 0 ? OptionalDouble.empty() : OptionalDouble.of(rNet / n),
        n == 0 ? OptionalDouble.empty() : OptionalDouble.of(net / n),
        lost > 0 ? OptionalDouble.of(won / lost) : OptionalDouble.empty(),
        gross,
        net,
        optimistic,
        rNet,
        curve.maxDrawdown(),
        curve.maxDrawdownR(),
        sharpe(daily),
        sortino(daily),
        exposure(trades, from, to),
        fees,
        funding,
        slippage);
  }

  /**
   * Returns the net P&amp;L per UTC day of the period, by exit day; trades closing outside the
   * period count on its first or last day.
   */
  static double[] dailyPnl(List<Trade> trades, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    double[] daily = new double[days];
    for (Trade t : trades) {
      long d = ChronoUnit.DAYS.between(first, LocalDate.ofInstant(t.exitTime(), ZoneOffset.UTC));
      daily[(int) Math.max(0, Math.min(days - 1, d))] += t.netPnl();
    }
    return daily;
  }

  static OptionalDouble sharpe(double[] daily) {
    if (daily.length < 2) {
      return OptionalDouble.empty();
    }
    double sd = new StandardDeviation(true).evaluate(daily);
    if (!(sd > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(StatUtils.mean(daily) / sd * Math.sqrt(DAYS_PER_YEAR));
  }

  static OptionalDouble sortino(double[] daily) {
    if (daily.length < 2) {
      return OptionalDouble.empty();
    }
    double sumSq = 0;
    for (double r : daily) {
      if (r < 0) {
        sumSq += r * r;
      }
    }
    double downside = Math.sqrt(sumSq / daily.length);
    if (!(downside > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(StatUtils.mean(daily) / downside * Math.sqrt(DAYS_PER_YEAR));
  }

  /** Returns the share of {@code [from, to)} covered by at least one open position. */
  static double exposure(List<Trade> trades, Instant from, Instant to) {
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    List<long[]> spans = new ArrayList<>();
    for (Trade t : trades) {
      long a = Math.max(start, t.entryTime().toEpochMilli());
      long b = Math.min(end, t.exitTime().toEpochMilli());
      if (b > a) {
        spans.add(new long[] {a, b});
      }
    }
    spans.sort(Comparator.comparingLong(s -> s[0]));
    long covered = 0;
    long curStart = Long.MIN_VALUE;
    long curEnd = Long.MIN_VALUE;
    for (long[] s : spans) {
      if (s[0] > curEnd) {
        if (curEnd > curStart) {
          covered += curEnd - curStart;
        }
        curStart = s[0];
        curEnd = s[1];
      } else {
        curEnd = Math.max(curEnd, s[1]);
      }
    }
    if (curEnd > curStart) {
      covered += curEnd - curStart;
    }
    return Math.min(1.0, (double) covered / (end - start));
  }
}
