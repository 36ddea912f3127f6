package org.smc4j.risk.guard;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The limits a {@link PortfolioGuard} enforces.
 *
 * @param maxDailyLossUsd the most a trading day may lose, counting open risk, {@code > 0}
 * @param maxDailyLosingTrades how many losing trades close in a day before trading stops, {@code >=
 *     1}
 * @param maxConcurrentTrades how many positions may be open at once, {@code >= 1}
 * @param maxOpenRiskUsd the most all open positions may lose together at their stops, {@code > 0}
 * @param dayStartHourUtc the UTC hour at which a trading day starts, in {@code [0, 23]}
 */
public record GuardLimits(
    BigDecimal maxDailyLossUsd,
    int maxDailyLosingTrades,
    int maxConcurrentTrades,
    BigDecimal maxOpenRiskUsd,
    int dayStartHourUtc) {

  /**
   * Conservative defaults for $1 trades: $5 daily loss, 4 losing trades a day, 3 open positions,
   * $3.30 open risk (three trades at the $1.10 tolerance ceiling), days starting at 00:00 UTC.
   */
  public static final GuardLimits DEFAULT =
      new GuardLimits(new BigDecimal("5"), 4, 3, new BigDecimal("3.3"), 0);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException when a limit is out of range (see the components)
   */
  public GuardLimits {
    Objects.requireNonNull(maxDailyLossUsd, "maxDailyLossUsd");
    Objects.requireNonNull(maxOpenRiskUsd, "maxOpenRiskUsd");
    if (maxDailyLossUsd.signum() <= 0) {
      throw new IllegalArgumentException(
          "maxDailyLossUsd must be > 0, was " + maxDailyLossUsd.toPlainString());
    }
    if (maxDailyLosingTrades < 1) {
      throw new IllegalArgumentException(
          "maxDailyLosingTrades must be >= 1, was " + maxDailyLosingTrades);
    }
    if (maxConcurrentTrades < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentTrades must be >= 1, was " + maxConcurrentTrades);
    }
    if (maxOpenRiskUsd.signum() <= 0) {
      throw new IllegalArgumentException(
          "maxOpenRiskUsd must be > 0, was " + maxOpenRiskUsd.toPlainString());
    }
    if (dayStartHourUtc < 0 || dayStartHourUtc > 23) {
      throw new IllegalArgumentException(
          "dayStartHourUtc must be in [0, 23], was " + dayStartHourUtc);
    }
  }
}
