package org.smc4j.trading.order;

import java.util.Objects;
import org.smc4j.core.instrument.Liquidity;

/**
 * The other possible exit of an ambiguous trade (stop and target in one candle that no 1m data
 * resolved): the broker books the stop, and keeps the target exit here so the report can give
 * optimistic totals beside the pessimistic ones.
 *
 * @param price the exit price
 * @param liquidity maker for a target
 * @param fee the exit fee
 * @param reason the exit reason
 */
public record AlternativeExit(double price, Liquidity liquidity, double fee, ExitReason reason) {

  /**
   * Validates the exit.
   *
   * @throws IllegalArgumentException when the price is not finite and positive or the fee is
   *     negative or not finite
   */
  public AlternativeExit {
    Objects.requireNonNull(liquidity, "liquidity");
    Objects.requireNonNull(reason, "reason");
    OrderIntent.checkPrice("price", price);
    if (!Double.isFinite(fee) || fee < 0) {
      throw new IllegalArgumentException("fee must be finite and >= 0, was " + fee);
    }
  }
}
