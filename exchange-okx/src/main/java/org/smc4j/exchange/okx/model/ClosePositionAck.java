package org.smc4j.exchange.okx.model;

import java.util.Objects;

/**
 * The answer to a close-position request.
 *
 * @param instId the instrument
 * @param posSide the position side
 * @param clOrdId the client id, may be empty
 * @param tag the tag
 */
public record ClosePositionAck(String instId, String posSide, String clOrdId, String tag) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public ClosePositionAck {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(tag, "tag");
  }
}
