package org.smc4j.core.bar;

import java.time.Instant;
import java.util.Objects;

/**
 * One closed candle, keyed by its open time.
 *
 * @param openTime the open time (UTC)
 * @param timeframe the candle period
 * @param open the first price
 * @param high the highest price, at least {@code max(open, close)}
 * @param low the lowest price, at most {@code min(open, close)}
 * @param close the last price
 * @param volume the traded quantity, {@code >= 0}
 */
public record Candle(
    Instant openTime,
    Timeframe timeframe,
    double open,
    double high,
    double low,
    double close,
    double volume) {

  /**
   * Validates the candle.
   *
   * @throws IllegalArgumentException when a value is not finite, a price is not positive, the
   *     volume is negative or the OHLC values are inconsistent
   */
  public Candle {
    Objects.requireNonNull(openTime, "openTime");
    Objects.requireNonNull(timeframe, "timeframe");
    BarArrays.ohlcvProblem(open, high, low, close, volume)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("candle " + openTime + ": " + problem);
            });
  }

  /** Returns the time at which this candle closes and becomes known. */
  public Instant closeTime() {
    return openTime.plusMillis(timeframe.millis());
  }
}
