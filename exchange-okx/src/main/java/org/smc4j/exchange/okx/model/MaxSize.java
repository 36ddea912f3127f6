package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The largest order sizes now possible ({@code GET /api/v5/account/max-size}), in contracts for
 * swaps.
 *
 * @param instId the instrument
 * @param ccy the margin currency
 * @param maxBuy largest buy
 * @param maxSell largest sell
 */
public record MaxSize(String instId, String ccy, BigDecimal maxBuy, BigDecimal maxSell) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public MaxSize {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(ccy, "ccy");
    Objects.requireNonNull(maxBuy, "maxBuy");
    Objects.requireNonNull(maxSell, "maxSell");
  }
}
