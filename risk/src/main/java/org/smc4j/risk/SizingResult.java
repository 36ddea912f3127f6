package org.smc4j.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.smc4j.core.signal.Side;

/**
 * The outcome of {@link PositionSizer#size}: a {@link Sized} position or a {@link Refused} trade.
 */
public sealed interface SizingResult permits SizingResult.Sized, SizingResult.Refused {

  /**
   * An accepted size and how it was reached. All amounts are in the settle currency (dollars).
   *
   * @param instrumentId the instrument
   * @param side long or short
   * @param entry the entry price
   * @param stop the stop price
   * @param stopFill the expected stop fill: the stop moved against the position by the slippage
   * @param distance {@code |entry - stop|}
   * @param distanceTicks {@code distance / tickSize} (fractional when the prices are off the grid)
   * @param perContract the loss of one contract at the stop, all-in
   * @param idealContracts {@code riskUsd / perContract.total()} before any rounding (8 decimals,
   *     rounded down)
   * @param contracts the size: a positive exact multiple of the lot size, at least the minimum size
   * @param notional {@code contracts * ctVal * ctMult * entry}
   * @param initialMargin {@code notional / leverage}, rounded up to 8 decimals
   * @param riskAllIn {@code contracts * perContract.total()}: what the stop-out loses
   * @param targetRisk the dollar risk asked for
   * @param riskRatio {@code riskAllIn / targetRisk}, rounded half-up to 6 decimals
   * @param adjustments the rules that moved the size away from the largest size within the target
   */
  record Sized(
      String instrumentId,
      Side side,
      BigDecimal entry,
      BigDecimal stop,
      BigDecimal stopFill,
      BigDecimal distance,
      BigDecimal distanceTicks,
      LossBreakdown perContract,
      BigDecimal idealContracts,
      BigDecimal contracts,
      BigDecimal notional,
      BigDecimal initialMargin,
      BigDecimal riskAllIn,
      BigDecimal targetRisk,
      BigDecimal riskRatio,
      Set<SizingAdjustment> adjustments)
      implements SizingResult {

    /**
     * Validates the result and copies the adjustments.
     *
     * @throws IllegalArgumentException when {@code contracts} is not positive
     */
    public Sized {
      Objects.requireNonNull(instrumentId, "instrumentId");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(stop, "stop");
      Objects.requireNonNull(stopFill, "stopFill");
      Objects.requireNonNull(distance, "distance");
      Objects.requireNonNull(distanceTicks, "distanceTicks");
      Objects.requireNonNull(perContract, "perContract");
      Objects.requireNonNull(idealContracts, "idealContracts");
      Objects.requireNonNull(contracts, "contracts");
      Objects.requireNonNull(notional, "notional");
      Objects.requireNonNull(initialMargin, "initialMargin");
      Objects.requireNonNull(riskAllIn, "riskAllIn");
      Objects.requireNonNull(targetRisk, "targetRisk");
      Objects.requireNonNull(riskRatio, "riskRatio");
      adjustments = Set.copyOf(Objects.requireNonNull(adjustments, "adjustments"));
      if (contracts.signum() <= 0) {
        throw new IllegalArgumentException(
            "contracts must be > 0, was " + contracts.toPlainString());
      }
    }
  }

  /**
   * A trade the sizer will not size.
   *
   * @param reason the rule that refused it
   * @param message a sentence with the numbers, e.g. "stop 65100 is above the long entry 65000"
   */
  record Refused(RefusalReason reason, String message) implements SizingResult {

    /**
     * Validates the refusal.
     *
     * @throws IllegalArgumentException when the message is blank
     */
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      if (message.isBlank()) {
        throw new IllegalArgumentException("message must not be blank");
      }
    }
  }
}
