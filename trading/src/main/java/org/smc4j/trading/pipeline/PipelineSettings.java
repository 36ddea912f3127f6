package org.smc4j.trading.pipeline;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;

/**
 * How the {@link TradePipeline} sizes and guards: the same for backtest, replay, paper and live.
 *
 * @param sizing the risk per trade, tolerance, fees, slippage and leverage
 * @param guards the portfolio guards' limits; empty to run without guards
 * @param accountEquity the account equity the guards measure free margin against, {@code > 0}
 */
public record PipelineSettings(
    SizingParameters sizing, Optional<GuardLimits> guards, BigDecimal accountEquity) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException when the account equity is not positive
   */
  public PipelineSettings {
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(guards, "guards");
    Objects.requireNonNull(accountEquity, "accountEquity");
    if (accountEquity.signum() <= 0) {
      throw new IllegalArgumentException(
          "accountEquity must be > 0, was " + accountEquity.toPlainString());
    }
  }
}
