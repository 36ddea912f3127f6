package org.smc4j.exchange.okx.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v5/trade/close-position}: market close of a whole position.
 *
 * @param instId the instrument
 * @param mgnMode the position's margin mode
 * @param posSide only in long/short mode
 * @param autoCxl cancel pending close orders first
 * @param clOrdId our id for the close order
 * @param tag the tag
 */
public record ClosePositionRequest(
    String instId,
    MarginMode mgnMode,
    Optional<PositionSide> posSide,
    boolean autoCxl,
    Optional<org.smc4j.exchange.okx.id.ClientOrderId> clOrdId,
    String tag) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public ClosePositionRequest {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(mgnMode, "mgnMode");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(tag, "tag");
  }
}
