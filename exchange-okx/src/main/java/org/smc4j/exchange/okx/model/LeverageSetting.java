package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A leverage setting ({@code POST /account/set-leverage} answer, {@code GET
 * /account/leverage-info}).
 *
 * @param instId the instrument
 * @param lever the leverage
 * @param mgnMode the margin mode
 * @param posSide the side for isolated long/short mode; empty otherwise
 */
public record LeverageSetting(
    String instId, BigDecimal lever, MarginMode mgnMode, Optional<PositionSide> posSide) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public LeverageSetting {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(lever, "lever");
    Objects.requireNonNull(mgnMode, "mgnMode");
    Objects.requireNonNull(posSide, "posSide");
  }
}
