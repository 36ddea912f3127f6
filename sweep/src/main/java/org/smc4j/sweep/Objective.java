package org.smc4j.sweep;

import java.util.Locale;
import java.util.OptionalDouble;
import org.smc4j.backtest.metrics.PerformanceMetrics;

/** What a sweep ranks combinations by; higher is better for each. */
public enum Objective {
  /** The sum of net R multiples ({@link PerformanceMetrics#totalRNet()}). */
  NET_R,
  /** The net P&amp;L in dollars, after fees and funding ({@link PerformanceMetrics#netPnl()}). */
  NET_USD,
  /** The mean net R per trade ({@link PerformanceMetrics#averageRNet()}). */
  AVERAGE_R,
  /** The annualised Sharpe ratio of daily net P&amp;L ({@link PerformanceMetrics#sharpe()}). */
  SHARPE,
  /**
   * Net profits of winners over net losses of losers ({@link PerformanceMetrics#profitFactor()}).
   */
  PROFIT_FACTOR;

  /**
   * Returns the objective's value of some metrics.
   *
   * @param m the metrics
   * @return the value, empty when it is undefined (no trades, no losing trade, zero deviation)
   */
  public OptionalDouble value(PerformanceMetrics m) {
    return switch (this) {
      case NET_R -> OptionalDouble.of(m.totalRNet());
      case NET_USD -> OptionalDouble.of(m.netPnl());
      case AVERAGE_R -> m.averageRNet();
      case SHARPE -> m.sharpe();
      case PROFIT_FACTOR -> m.profitFactor();
    };
  }

  /**
   * Returns the value when the metrics have at least {@code minTrades} trades.
   *
   * @param m the metrics
   * @param minTrades the fewest trades a result must have to be ranked
   * @return the value, empty below the trade count or when undefined
   */
  public OptionalDouble score(PerformanceMetrics m, int minTrades) {
    return m.trades() < minTrades ? OptionalDouble.empty() : value(m);
  }

  /** Returns the YAML name: {@code net-r}, {@code sharpe}, ... */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a YAML name.
   *
   * @param name e.g. {@code net-r}
   * @return the objective
   * @throws IllegalArgumentException naming the choices when the name is unknown
   */
  public static Objective parse(String name) {
    for (Objective o : values()) {
      if (o.yamlName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Objective o : values()) {
      sb.append(sb.isEmpty() ? "" : ", ").append(o.yamlName());
    }
    throw new IllegalArgumentException("must be one of " + sb + ", was " + name);
  }
}
