package org.smc4j.trading.plan;

import java.util.Objects;
import org.smc4j.risk.RefusalReason;
import org.smc4j.risk.guard.TradeProposal;

/** The size of a {@link TradePlan}, or why it has none. */
public sealed interface Sizing permits Sizing.Sized, Sizing.Refused {

  /**
   * A size from the risk module's position sizer.
   *
   * @param contracts the number of contracts, {@code > 0}
   * @param contractMultiplier base units per contract ({@code ctVal * ctMult}), {@code > 0}
   * @param plannedRisk the all-in loss at the stop (price, fees, stop slippage), {@code > 0}
   * @param proposal the proposal for the portfolio guards
   */
  record Sized(
      double contracts, double contractMultiplier, double plannedRisk, TradeProposal proposal)
      implements Sizing {

    /** Validates the size. */
    public Sized {
      Objects.requireNonNull(proposal, "proposal");
      if (!(contracts > 0) || !(contractMultiplier > 0) || !(plannedRisk > 0)) {
        throw new IllegalArgumentException(
            "contracts, contractMultiplier and plannedRisk must be > 0, were "
                + contracts
                + ", "
                + contractMultiplier
                + ", "
                + plannedRisk);
      }
    }
  }

  /**
   * The sizer refused the plan.
   *
   * @param reason the sizer's rule
   * @param message the sizer's message with its numbers
   */
  record Refused(RefusalReason reason, String message) implements Sizing {

    /** Validates that no component is null. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    /** Returns the refusal as one line: {@code size refused (RULE): message}. */
    public String text() {
      return "size refused (" + reason + "): " + message;
    }
  }
}
