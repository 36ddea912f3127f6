package org.smc4j.exchange.okx.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@code POST /api/v5/trade/cancel-all-after}.
 *
 * @param triggerTime when pending orders will be cancelled; empty when the timer is off
 * @param tag the tag the timer is for, empty for all
 * @param ts OKX's time of the request
 */
public record CancelAllAfterAck(Optional<Instant> triggerTime, String tag, Instant ts) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public CancelAllAfterAck {
    Objects.requireNonNull(triggerTime, "triggerTime");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(ts, "ts");
  }
}
