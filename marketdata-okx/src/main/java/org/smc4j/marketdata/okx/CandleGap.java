package org.smc4j.marketdata.okx;

import java.time.Instant;
import java.util.Objects;

/**
 * Missing candles between two consecutive candles that were received: the venue sent no bar for the
 * open times strictly between {@code previousOpenTime} and {@code nextOpenTime}. Gaps are reported,
 * never filled with invented bars.
 *
 * @param previousOpenTime the open time of the last candle before the gap
 * @param nextOpenTime the open time of the first candle after the gap
 * @param missingBars how many bars of the timeframe fit strictly between the two, {@code >= 1}
 */
public record CandleGap(Instant previousOpenTime, Instant nextOpenTime, long missingBars) {

  /**
   * Validates the gap.
   *
   * @throws IllegalArgumentException when {@code nextOpenTime} is not after {@code
   *     previousOpenTime} or {@code missingBars < 1}
   */
  public CandleGap {
    Objects.requireNonNull(previousOpenTime, "previousOpenTime");
    Objects.requireNonNull(nextOpenTime, "nextOpenTime");
    if (!nextOpenTime.isAfter(previousOpenTime)) {
      throw new IllegalArgumentException(
          "nextOpenTime must be after previousOpenTime "
              + previousOpenTime
              + ", was "
              + nextOpenTime);
    }
    if (missingBars < 1) {
      throw new IllegalArgumentException("missingBars must be >= 1, was " + missingBars);
    }
  }
}
