package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v5/trade/amend-order}: a new size and/or price for a working order.
 *
 * @param instrument the instrument and its tick/lot rules
 * @param ref the order
 * @param newSz the new total size in contracts (filled part included)
 * @param newPx the new limit price
 * @param cxlOnFail cancel the order when the amendment fails
 */
public record AmendOrderRequest(
    OkxInstrument instrument,
    OrderRef ref,
    Optional<BigDecimal> newSz,
    Optional<BigDecimal> newPx,
    boolean cxlOnFail) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when neither a size nor a price is given, or one breaks the
   *     instrument's rules
   */
  public AmendOrderRequest {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(newSz, "newSz");
    Objects.requireNonNull(newPx, "newPx");
    if (newSz.isEmpty() && newPx.isEmpty()) {
      throw new IllegalArgumentException("amend-order needs newSz or newPx");
    }
    newSz.ifPresent(sz -> instrument.formatSize(sz, false));
    newPx.ifPresent(instrument::formatPrice);
  }

  /** Returns the instrument id. */
  public String instId() {
    return instrument.instId();
  }
}
