package org.smc4j.marketdata.okx;

import java.util.Objects;

/**
 * The 24 h traded volume of one linear USDT-margined perpetual swap.
 *
 * @param instId the OKX instrument, e.g. {@code BTC-USDT-SWAP}
 * @param last the last traded price in USDT, {@code > 0}
 * @param baseVolume24h OKX's {@code volCcy24h}: for swaps the 24 h volume in the base currency
 *     (e.g. BTC), {@code >= 0}
 * @param quoteVolume24h the 24 h volume in USDT, approximated as {@code baseVolume24h * last} (OKX
 *     sends no quote volume for swaps; XChange makes the same approximation), {@code >= 0}
 */
public record SwapVolume(String instId, double last, double baseVolume24h, double quoteVolume24h) {

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException when a number is not finite, {@code last <= 0} or a volume is
   *     negative
   */
  public SwapVolume {
    Objects.requireNonNull(instId, "instId");
    if (!Double.isFinite(last) || last <= 0) {
      throw new IllegalArgumentException(instId + ": last must be finite and > 0, was " + last);
    }
    if (!Double.isFinite(baseVolume24h) || baseVolume24h < 0) {
      throw new IllegalArgumentException(
          instId + ": baseVolume24h must be finite and >= 0, was " + baseVolume24h);
    }
    if (!Double.isFinite(quoteVolume24h) || quoteVolume24h < 0) {
      throw new IllegalArgumentException(
          instId + ": quoteVolume24h must be finite and >= 0, was " + quoteVolume24h);
    }
  }
}
