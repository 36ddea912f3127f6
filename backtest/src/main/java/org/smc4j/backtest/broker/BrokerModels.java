package org.smc4j.backtest.broker;

import java.util.Objects;
import org.smc4j.backtest.fee.FeeModel;
import org.smc4j.backtest.fill.FillModel;
import org.smc4j.backtest.funding.FundingModel;
import org.smc4j.backtest.funding.FundingSchedule;
import org.smc4j.backtest.slippage.SlippageModel;

/**
 * The models a simulated broker uses.
 *
 * @param fill when and where orders fill
 * @param slippage how far taker fills slip
 * @param fee the exchange fees
 * @param funding the funding rates
 * @param fundingSchedule the settlement grid
 * @param expiry when pending entries expire
 */
public record BrokerModels(
    FillModel fill,
    SlippageModel slippage,
    FeeModel fee,
    FundingModel funding,
    FundingSchedule fundingSchedule,
    ExpiryModel expiry) {

  /** The defaults of STRATEGY.md section 9. */
  public static final BrokerModels DEFAULT =
      new BrokerModels(
          FillModel.DEFAULT,
          SlippageModel.DEFAULT,
          FeeModel.OKX_DEFAULT,
          FundingModel.DEFAULT,
          FundingSchedule.EIGHT_HOURS,
          ExpiryModel.DEFAULT);

  /** Validates that no model is null. */
  public BrokerModels {
    Objects.requireNonNull(fill, "fill");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(fundingSchedule, "fundingSchedule");
    Objects.requireNonNull(expiry, "expiry");
  }

  /** Returns a copy with another fill model. */
  public BrokerModels withFill(FillModel fill) {
    return new BrokerModels(fill, slippage, fee, funding, fundingSchedule, expiry);
  }

  /** Returns a copy with another slippage model. */
  public BrokerModels withSlippage(SlippageModel slippage) {
    return new BrokerModels(fill, slippage, fee, funding, fundingSchedule, expiry);
  }

  /** Returns a copy with another fee model. */
  public BrokerModels withFee(FeeModel fee) {
    return new BrokerModels(fill, slippage, fee, funding, fundingSchedule, expiry);
  }

  /** Returns a copy with another funding model. */
  public BrokerModels withFunding(FundingModel funding) {
    return new BrokerModels(fill, slippage, fee, funding, fundingSchedule, expiry);
  }

  /** Returns a copy with another expiry model. */
  public BrokerModels withExpiry(ExpiryModel expiry) {
    return new BrokerModels(fill, slippage, fee, funding, fundingSchedule, expiry);
  }
}
