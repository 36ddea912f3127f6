package org.smc4j.exchange.okx.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted order request ({@code sCode 0}): accepted, not filled; read the state afterwards.
 *
 * @param ordId OKX's order id
 * @param clOrdId the client id
 * @param tag the tag
 * @param ts OKX's time of the answer, when given
 */
public record OrderAck(String ordId, String clOrdId, String tag, Optional<Instant> ts) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public OrderAck {
    Objects.requireNonNull(ordId, "ordId");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(ts, "ts");
  }
}
