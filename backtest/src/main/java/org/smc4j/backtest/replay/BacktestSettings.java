package org.smc4j.backtest.replay;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;

/**
 * How a backtest runs.
 *
 * @param signals where the strategy's events come from (the live scanner's engine by default)
 * @param models the broker's fill, slippage, fee, funding and expiry models
 * @param sizing the position sizer's parameters ($1 risk by default)
 * @param guards the portfolio guards' limits, or empty to run without portfolio guards
 * @param accountEquity the account's equity in USDT, for the margin guard, {@code > 0}
 * @param threads how many symbols the strategy replays at once, {@code >= 1}
 */
public record BacktestSettings(
    SignalSource signals,
    BrokerModels models,
    SizingParameters sizing,
    Optional<GuardLimits> guards,
    BigDecimal accountEquity,
    int threads) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException when the equity is not positive or threads below 1
   */
  public BacktestSettings {
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(guards, "guards");
    Objects.requireNonNull(accountEquity, "accountEquity");
    if (accountEquity.signum() <= 0) {
      throw new IllegalArgumentException(
          "accountEquity must be > 0, was " + accountEquity.toPlainString());
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
  }

  /**
   * The defaults: the strategy engine with {@code config}, STRATEGY.md section 9 broker models, $1
   * risk, no portfolio guards, $1000 equity, one thread per core.
   *
   * @param config the strategy parameters
   * @return the settings
   */
  public static BacktestSettings defaults(StrategyConfig config) {
    return new BacktestSettings(
        new StrategyEngineSignalSource(config),
        BrokerModels.DEFAULT,
        SizingParameters.DEFAULT,
        Optional.empty(),
        new BigDecimal("1000"),
        Runtime.getRuntime().availableProcessors());
  }

  /** Returns a copy with other broker models. */
  public BacktestSettings withModels(BrokerModels value) {
    return new BacktestSettings(signals, value, sizing, guards, accountEquity, threads);
  }

  /** Returns a copy with other portfolio guards. */
  public BacktestSettings withGuards(Optional<GuardLimits> value) {
    return new BacktestSettings(signals, models, sizing, value, accountEquity, threads);
  }

  /** Returns a copy with another thread count. */
  public BacktestSettings withThreads(int value) {
    return new BacktestSettings(signals, models, sizing, guards, accountEquity, value);
  }

  /** Returns a copy with another signal source. */
  public BacktestSettings withSignals(SignalSource value) {
    return new BacktestSettings(value, models, sizing, guards, accountEquity, threads);
  }
}
