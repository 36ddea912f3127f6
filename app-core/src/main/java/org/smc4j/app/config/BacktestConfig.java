package org.smc4j.app.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.ExpiryModel;
import org.smc4j.backtest.fee.PercentFeeModel;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.funding.FundingSchedule;
import org.smc4j.backtest.slippage.SlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.risk.FeeSchedule;

/**
 * The {@code backtest} section: the simulated broker's models (STRATEGY.md section 9) and whether
 * the portfolio guards of {@code risk.guards} are applied. The broker charges the fees of {@code
 * risk.fees}, the rates the sizer budgets for, so a backtest pays what the scanner's sizes assume.
 *
 * @param fill the fill model
 * @param slippage how far market entries and stop exits slip ({@link TickSlippageModel}, {@link
 *     org.smc4j.backtest.slippage.PercentSlippageModel} or {@link
 *     org.smc4j.backtest.slippage.AtrSlippageModel})
 * @param fundingRate the constant funding rate per settlement, used where no {@code --funding}
 *     history applies, in {@code [-0.05, 0.05]}
 * @param fundingInterval the settlement grid from 00:00 UTC; divides a day
 * @param limitExpiry how long a limit entry may rest after its signal; empty for no expiry
 * @param applyGuards whether the backtest runs the trades through the portfolio guards
 */
public record BacktestConfig(
    FillKind fill,
    SlippageModel slippage,
    double fundingRate,
    Duration fundingInterval,
    Optional<Duration> limitExpiry,
    boolean applyGuards) {

  /**
   * STRATEGY.md section 9: standard fills, one tick of slippage, 0.01 % funding per 8 h, limit
   * entries expiring after 12 h; guards applied.
   */
  public static final BacktestConfig DEFAULT =
      new BacktestConfig(
          FillKind.STANDARD,
          new TickSlippageModel(1),
          0.0001,
          Duration.ofHours(8),
          Optional.of(Duration.ofHours(12)),
          true);

  /**
   * Validates the section by the rules of the broker's models.
   *
   * @throws IllegalArgumentException when the funding rate is out of range, the interval does not
   *     divide a day or the expiry is not positive
   */
  public BacktestConfig {
    Objects.requireNonNull(fill, "fill");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(fundingInterval, "fundingInterval");
    Objects.requireNonNull(limitExpiry, "limitExpiry");
    new ConstantFundingModel(fundingRate);
    new FundingSchedule(fundingInterval.toMillis());
    limitExpiry.ifPresent(ExpiryModel::after);
  }

  /** Returns the funding settlement grid. */
  public FundingSchedule fundingSchedule() {
    return new FundingSchedule(fundingInterval.toMillis());
  }

  /**
   * Builds the simulated broker's models.
   *
   * @param fees the fee rates (those of {@code risk.fees})
   * @return the fill, slippage, fee, constant funding and expiry models of this section
   */
  public BrokerModels models(FeeSchedule fees) {
    Objects.requireNonNull(fees, "fees");
    return new BrokerModels(
        fill.model(),
        slippage,
        new PercentFeeModel(fees.makerRate().doubleValue(), fees.takerRate().doubleValue()),
        new ConstantFundingModel(fundingRate),
        fundingSchedule(),
        limitExpiry.map(ExpiryModel::after).orElse(ExpiryModel.NEVER));
  }

  /** Returns a copy with guards applied or not. */
  public BacktestConfig withApplyGuards(boolean value) {
    return new BacktestConfig(fill, slippage, fundingRate, fundingInterval, limitExpiry, value);
  }
}
