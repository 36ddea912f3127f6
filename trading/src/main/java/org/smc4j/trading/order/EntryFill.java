package org.smc4j.trading.order;

import java.time.Instant;
import java.util.Objects;
import org.smc4j.core.instrument.Liquidity;

/**
 * A plan's entry order filled: the position is open.
 *
 * @param intent the plan
 * @param time when it filled
 * @param price the fill price, slippage included, finite and {@code > 0}
 * @param liquidity maker (a resting limit) or taker (a market order)
 * @param fee the entry fee in quote currency, finite and {@code >= 0}
 */
public record EntryFill(
    OrderIntent intent, Instant time, double price, Liquidity liquidity, double fee) {

  /** Validates that no component is null and the price and fee are valid. */
  public EntryFill {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(liquidity, "liquidity");
    OrderIntent.checkPrice("price", price);
    if (!Double.isFinite(fee) || fee < 0) {
      throw new IllegalArgumentException("fee must be finite and >= 0, was " + fee);
    }
  }
}
