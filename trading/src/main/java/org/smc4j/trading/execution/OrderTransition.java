package org.smc4j.trading.execution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One state change of an order, with the exchange's raw code and message.
 *
 * @param clOrdId the order
 * @param from the previous state, empty for the intent itself
 * @param to the new state
 * @param code the exchange's raw code ({@code sCode}/{@code code}), empty when none
 * @param message the exchange's message or our note
 * @param at when
 */
public record OrderTransition(
    String clOrdId,
    Optional<OrderStatus> from,
    OrderStatus to,
    String code,
    String message,
    Instant at) {

  /** Validates that no component is null. */
  public OrderTransition {
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }
}
