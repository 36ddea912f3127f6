package org.smc4j.trading.order;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending entry that was cancelled.
 *
 * @param intent the plan whose entry was cancelled
 * @param time when it was cancelled: the open of the candle that cancelled it, or the close at
 *     which the cancelling event became known
 * @param reason why
 * @param detail a human-readable detail, e.g. the POI death reason; may be empty
 */
public record OrderCancellation(
    OrderIntent intent, Instant time, CancelReason reason, String detail) {

  /** Validates that no component is null. */
  public OrderCancellation {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
