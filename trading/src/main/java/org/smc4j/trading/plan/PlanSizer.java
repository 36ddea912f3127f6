package org.smc4j.trading.plan;

import java.util.Objects;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.risk.PositionSizer;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;
import org.smc4j.risk.guard.TradeProposal;
import org.smc4j.trading.order.EntryKind;

/**
 * Sizes plans with the risk module's {@link PositionSizer} for $1 (or the configured) risk: market
 * entries are sized with taker entry fees, limit entries with maker fees. The planned risk of a
 * trade, against which its R multiples are measured, is the sizer's all-in loss at the stop.
 */
public final class PlanSizer {

  private final PositionSizer taker;
  private final PositionSizer maker;

  /**
   * Creates a sizer.
   *
   * @param parameters the risk, tolerance, fees, slippage and leverage
   */
  public PlanSizer(SizingParameters parameters) {
    Objects.requireNonNull(parameters, "parameters");
    this.taker = new PositionSizer(parameters.withEntryLiquidity(Liquidity.TAKER));
    this.maker = new PositionSizer(parameters.withEntryLiquidity(Liquidity.MAKER));
  }

  /**
   * Sizes one plan.
   *
   * @param plan the plan
   * @param spec the instrument's contract spec
   * @return the size, or the refusal with its reason
   */
  public Sizing size(TradePlan plan, ContractSpec spec) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(spec, "spec");
    PositionSizer sizer = plan.entryKind() == EntryKind.LIMIT ? maker : taker;
    SizingResult r = sizer.size(plan.side(), plan.entry(), plan.stop(), spec);
    return switch (r) {
      case SizingResult.Refused refused -> new Sizing.Refused(refused.reason(), refused.message());
      case SizingResult.Sized sized ->
          new Sizing.Sized(
              sized.contracts().doubleValue(),
              spec.unitsPerContract().doubleValue(),
              sized.riskAllIn().doubleValue(),
              TradeProposal.from(sized));
    };
  }
}
