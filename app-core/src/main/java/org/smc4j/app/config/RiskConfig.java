package org.smc4j.app.config;

import java.math.BigDecimal;
import java.util.Objects;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;

/**
 * The {@code risk} section: how each trade is sized, and the portfolio guards a new trade must pass
 * ({@code risk.guards}; the backtest applies them, see {@link BacktestConfig#applyGuards()}).
 *
 * @param sizing the $1 sizing: risk, tolerance, fees, stop slippage, leverage, maximum-size policy
 * @param guards the portfolio limits: daily loss, daily losing trades, concurrent trades, open
 *     risk, the UTC hour a trading day starts
 * @param accountEquityUsd the account equity for the margin guard: a new trade's initial margin
 *     must fit in it minus the initial margin of the open positions, {@code > 0}
 */
public record RiskConfig(SizingParameters sizing, GuardLimits guards, BigDecimal accountEquityUsd) {

  /** $1 risk ({@link SizingParameters#DEFAULT}), {@link GuardLimits#DEFAULT}, $1000 equity. */
  public static final RiskConfig DEFAULT =
      new RiskConfig(SizingParameters.DEFAULT, GuardLimits.DEFAULT, new BigDecimal("1000"));

  /**
   * Validates the section.
   *
   * @throws IllegalArgumentException when the equity is not positive
   */
  public RiskConfig {
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(guards, "guards");
    Objects.requireNonNull(accountEquityUsd, "accountEquityUsd");
    if (accountEquityUsd.signum() <= 0) {
      throw new IllegalArgumentException(
          "accountEquityUsd must be > 0, was " + accountEquityUsd.toPlainString());
    }
  }
}
