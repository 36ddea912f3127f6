package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The price band of an instrument ({@code GET /api/v5/public/price-limit}).
 *
 * @param instId the instrument
 * @param buyLmt highest buy price; empty when OKX gives none
 * @param sellLmt lowest sell price; empty when OKX gives none
 * @param enabled whether the band applies
 * @param ts OKX's time of the band
 */
public record PriceLimit(
    String instId,
    Optional<BigDecimal> buyLmt,
    Optional<BigDecimal> sellLmt,
    boolean enabled,
    Instant ts) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public PriceLimit {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(buyLmt, "buyLmt");
    Objects.requireNonNull(sellLmt, "sellLmt");
    Objects.requireNonNull(ts, "ts");
  }
}
