package org.smc4j.backtest.metrics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Performance of a set of trades (one symbol, or all). Money is in quote currency; "net" is after
 * fees and funding. Ratios that are undefined for the data (no trades, no losing trade, fewer than
 * two days, zero deviation) are empty, never NaN.
 *
 * @param scope the symbol, or {@code ALL}
 * @param trades the number of closed trades
 * @param wins trades with a positive net P&amp;L
 * @param ambiguousTrades trades whose stop and target fell in one candle unresolved
 * @param winRate {@code wins / trades}
 * @param averageRGross mean gross R multiple
 * @param averageRNet mean net R multiple
 * @param expectancy mean net P&amp;L per trade
 * @param profitFactor net profits of winners over net losses of losers
 * @param grossPnl the sum of gross P&amp;L
 * @param netPnl the sum of net P&amp;L (pessimistic: ambiguous trades stopped out)
 * @param optimisticNetPnl the sum of net P&amp;L with ambiguous trades at their target
 * @param totalRNet the sum of net R multiples
 * @param maxDrawdown the largest peak-to-trough fall of cumulative net P&amp;L, {@code >= 0}
 * @param maxDrawdownR the largest peak-to-trough fall of cumulative net R, {@code >= 0}
 * @param sharpe annualised (365 days) Sharpe ratio of daily net P&amp;L
 * @param sortino annualised Sortino ratio of daily net P&amp;L (downside deviation, target 0)
 * @param exposure the share of the period with a position open, in {@code [0, 1]}
 * @param fees the fees paid
 * @param funding the funding paid (negative: received)
 * @param slippage what slippage cost
 */
public record PerformanceMetrics(
    String scope,
    int trades,
    int wins,
    int ambiguousTrades,
    OptionalDouble winRate,
    OptionalDouble averageRGross,
    OptionalDouble averageRNet,
    OptionalDouble expectancy,
    OptionalDouble profitFactor,
    double grossPnl,
    double netPnl,
    double optimisticNetPnl,
    double totalRNet,
    double maxDrawdown,
    double maxDrawdownR,
    OptionalDouble sharpe,
    OptionalDouble sortino,
    double exposure,
    double fees,
    double funding,
    double slippage) {

  /** The scope name of the all-symbols total. */
  public static final String ALL = "ALL";

  /**
   * Validates the metrics.
   *
   * @throws IllegalArgumentException when a count is negative or inconsistent, an amount is not
   *     finite, or a share is outside {@code [0, 1]}
   */
  public PerformanceMetrics {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(winRate, "winRate");
    Objects.requireNonNull(averageRGross, "averageRGross");
    Objects.requireNonNull(averageRNet, "averageRNet");
    Objects.requireNonNull(expectancy, "expectancy");
    Objects.requireNonNull(profitFactor, "profitFactor");
    Objects.requireNonNull(sharpe, "sharpe");
    Objects.requireNonNull(sortino, "sortino");
    if (trades < 0
        || wins < 0
        || wins > trades
        || ambiguousTrades < 0
        || ambiguousTrades > trades) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= wins, ambiguousTrades <= trades, was trades "
              + trades
              + ", wins "
              + wins
              + ", ambiguous "
              + ambiguousTrades);
    }
    double[] amounts = {
      grossPnl,
      netPnl,
      optimisticNetPnl,
      totalRNet,
      maxDrawdown,
      maxDrawdownR,
      fees,
      funding,
      slippage
    };
    for (double a : amounts) {
      if (!Double.isFinite(a)) {
        throw new IllegalArgumentException(scope + ": amounts must be finite, was " + a);
      }
    }
    if (!(exposure >= 0 && exposure <= 1)) {
      throw new IllegalArgumentException(scope + ": exposure must be in [0, 1], was " + exposure);
    }
  }
}
