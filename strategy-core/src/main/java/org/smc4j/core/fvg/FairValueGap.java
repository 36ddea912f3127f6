package org.smc4j.core.fvg;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.structure.Direction;

/**
 * A three-candle fair value gap (STRATEGY.md section 4). Bullish over candles {@code i-2, i-1, i}:
 * {@code low[i] > high[i-2]}, the gap is {@code [high[i-2], low[i]]}; bearish mirrors it ({@code
 * high[i] < low[i-2]}, gap {@code [high[i], low[i-2]]}). It is known at the close of candle {@code
 * i}.
 *
 * @param timeframe the timeframe of the three candles (5m or 15m)
 * @param direction bullish (gap below price) or bearish (gap above price)
 * @param originIndex the index of the first candle {@code i-2} in its timeframe's series; the
 *     middle candle is {@code originIndex + 1} and the completing candle {@code originIndex + 2}
 * @param originTimeMillis the open time of the first candle, epoch ms UTC
 * @param bottom the lower price of the gap
 * @param top the upper price of the gap, {@code > bottom}
 */
public record FairValueGap(
    Timeframe timeframe,
    Direction direction,
    int originIndex,
    long originTimeMillis,
    double bottom,
    double top) {

  /**
   * Validates the gap.
   *
   * @throws IllegalArgumentException when the index is negative, a price is not finite or {@code
   *     bottom >= top}
   */
  public FairValueGap {
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(direction, "direction");
    if (originIndex < 0) {
      throw new IllegalArgumentException("originIndex must be >= 0, was " + originIndex);
    }
    if (!Double.isFinite(bottom) || !Double.isFinite(top)) {
      throw new IllegalArgumentException(
          "bottom and top must be finite, were " + bottom + " and " + top);
    }
    if (!(bottom < top)) {
      throw new IllegalArgumentException("bottom must be < top, was " + bottom + " >= " + top);
    }
  }

  /** Returns the index of the middle candle. */
  public int middleIndex() {
    return originIndex + 1;
  }

  /** Returns the index of the third candle, at whose close the gap became known. */
  public int completedIndex() {
    return originIndex + 2;
  }

  /** Returns {@code top - bottom}. */
  public double size() {
    return top - bottom;
  }
}
