package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v5/account/set-leverage}.
 *
 * @param instId the instrument
 * @param lever the leverage, positive
 * @param mgnMode the margin mode
 * @param posSide only for isolated margin in long/short mode
 */
public record SetLeverageRequest(
    String instId, BigDecimal lever, MarginMode mgnMode, Optional<PositionSide> posSide) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public SetLeverageRequest {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(lever, "lever");
    Objects.requireNonNull(mgnMode, "mgnMode");
    Objects.requireNonNull(posSide, "posSide");
  }
}
