package org.smc4j.sweep;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.ExpiryModel;
import org.smc4j.backtest.fee.PercentFeeModel;
import org.smc4j.backtest.fill.FillModel;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.funding.FundingSchedule;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.slippage.SlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;

/**
 * Everything one backtest of a sweep is run with: the {@code strategy}, {@code risk} (with {@code
 * risk.guards}) and {@code backtest} sections of the smc4j configuration, as {@code smc4j backtest}
 * reads them. A sweep varies these by key path ({@link SweepParameters}); {@link
 * #toBacktestSettings()} builds exactly what the {@code backtest} command hands its engine.
 *
 * @param strategy the strategy parameters ({@code strategy})
 * @param sizing the $1 sizing ({@code risk})
 * @param guards the portfolio guards ({@code risk.guards})
 * @param accountEquityUsd the margin guard's equity ({@code risk.guards.account-equity-usd})
 * @param applyGuards whether the guards apply ({@code backtest.apply-guards})
 * @param slippage market entry and stop exit slippage ({@code backtest.slippage})
 * @param fundingRate the constant funding rate per settlement ({@code backtest.funding-rate})
 * @param fundingInterval the settlement grid ({@code backtest.funding-interval})
 * @param limitExpiry how long a limit entry rests, empty for never ({@code backtest.limit-expiry})
 */
public record RunSettings(
    StrategyConfig strategy,
    SizingParameters sizing,
    GuardLimits guards,
    BigDecimal accountEquityUsd,
    boolean applyGuards,
    SlippageModel slippage,
    double fundingRate,
    Duration fundingInterval,
    Optional<Duration> limitExpiry) {

  /** The built-in defaults of {@code smc4j backtest} (those of {@code smc4j.example.yaml}). */
  public static final RunSettings DEFAULT =
      new RunSettings(
          StrategyConfig.DEFAULT,
          SizingParameters.DEFAULT,
          GuardLimits.DEFAULT,
          new BigDecimal("1000"),
          true,
          new TickSlippageModel(1),
          0.0001,
          Duration.ofHours(8),
          Optional.of(Duration.ofHours(12)));

  /**
   * Validates the settings by the rules of the broker's models.
   *
   * @throws IllegalArgumentException when the equity is not positive, the funding rate out of
   *     range, the interval does not divide a day or the expiry is not positive
   */
  public RunSettings {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(guards, "guards");
    Objects.requireNonNull(accountEquityUsd, "accountEquityUsd");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(fundingInterval, "fundingInterval");
    Objects.requireNonNull(limitExpiry, "limitExpiry");
    if (accountEquityUsd.signum() <= 0) {
      throw new IllegalArgumentException(
          "accountEquityUsd must be > 0, was " + accountEquityUsd.toPlainString());
    }
    new ConstantFundingModel(fundingRate);
    new FundingSchedule(fundingInterval.toMillis());
    limitExpiry.ifPresent(ExpiryModel::after);
  }

  /**
   * Returns the simulated broker's models: standard fills, this slippage, the fees of {@code
   * risk.fees} (what the sizer budgets for), constant funding and the limit expiry.
   *
   * @return the models
   */
  public BrokerModels models() {
    return new BrokerModels(
        FillModel.DEFAULT,
        slippage,
        new PercentFeeModel(
            sizing.fees().makerRate().doubleValue(), sizing.fees().takerRate().doubleValue()),
        new ConstantFundingModel(fundingRate),
        new FundingSchedule(fundingInterval.toMillis()),
        limitExpiry.map(ExpiryModel::after).orElse(ExpiryModel.NEVER));
  }

  /**
   * Returns the engine settings {@code smc4j backtest} builds from the same configuration, on one
   * thread (a sweep runs many backtests at once instead).
   *
   * @return the backtest settings
   */
  public BacktestSettings toBacktestSettings() {
    return new BacktestSettings(
        new StrategyEngineSignalSource(strategy),
        models(),
        sizing,
        applyGuards ? Optional.of(guards) : Optional.empty(),
        accountEquityUsd,
        1);
  }

  /** Returns a copy with other strategy parameters. */
  public RunSettings withStrategy(StrategyConfig value) {
    return new RunSettings(
        value,
        sizing,
        guards,
        accountEquityUsd,
        applyGuards,
        slippage,
        fundingRate,
        fundingInterval,
        limitExpiry);
  }

  /** Returns a copy with other sizing parameters. */
  public RunSettings withSizing(SizingParameters value) {
    return new RunSettings(
        strategy,
        value,
        guards,
        accountEquityUsd,
        applyGuards,
        slippage,
        fundingRate,
        fundingInterval,
        limitExpiry);
  }

  /** Returns a copy with other guard limits. */
  public RunSettings withGuards(GuardLimits value) {
    return new RunSettings(
        strategy,
        sizing,
        value,
        accountEquityUsd,
        applyGuards,
        slippage,
        fundingRate,
        fundingInterval,
        limitExpiry);
  }

  /** Returns a copy with another account equity. */
  public RunSettings withAccountEquityUsd(BigDecimal value) {
    return new RunSettings(
        strategy,
        sizing,
        guards,
        value,
        applyGuards,
        slippage,
        fundingRate,
        fundingInterval,
        limitExpiry);
  }

  /** Returns a copy with the guards applied or not. */
  public RunSettings withApplyGuards(boolean value) {
    return new RunSettings(
        strategy,
        sizing,
        guards,
        accountEquityUsd,
        value,
        slippage,
        fundingRate,
        fundingInterval,
        limitExpiry);
  }

  /** Returns a copy with another slippage model. */
  public RunSettings withSlippage(SlippageModel value) {
    return new RunSettings(
        strategy,
        sizing,
        guards,
        accountEquityUsd,
        applyGuards,
        value,
        fundingRate,
        fundingInterval,
        limitExpiry);
  }

  /** Returns a copy with another constant funding rate. */
  public RunSettings withFundingRate(double value) {
    return new RunSettings(
        strategy,
        sizing,
        guards,
        accountEquityUsd,
        applyGuards,
        slippage,
        value,
        fundingInterval,
        limitExpiry);
  }

  /** Returns a copy with another funding interval. */
  public RunSettings withFundingInterval(Duration value) {
    return new RunSettings(
        strategy,
        sizing,
        guards,
        accountEquityUsd,
        applyGuards,
        slippage,
        fundingRate,
        value,
        limitExpiry);
  }

  /** Returns a copy with another limit expiry. */
  public RunSettings withLimitExpiry(Optional<Duration> value) {
    return new RunSettings(
        strategy,
        sizing,
        guards,
        accountEquityUsd,
        applyGuards,
        slippage,
        fundingRate,
        fundingInterval,
        value);
  }
}
