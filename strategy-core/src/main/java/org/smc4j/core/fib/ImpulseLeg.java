package org.smc4j.core.fib;

import java.util.Objects;
import org.smc4j.core.structure.BreakType;
import org.smc4j.core.structure.Direction;

/**
 * A snapshot of the 15m impulse leg created by a break of structure, with its Fibonacci prices
 * (STRATEGY.md section 3). For a bullish break of the swing high at {@code j}, broken at {@code i}:
 * {@code start} = the lowest low in {@code [j, i]} (the latest bar among equal lows), {@code end} =
 * the highest high from {@code i} on. A Fibonacci price is {@code end - r * (end - start)}; the
 * zone is {@code [price(zoneEnd), price(zoneStart)]}. Bearish mirrors it (start is the highest
 * high, end the lowest low).
 *
 * <p>All indices are 15m bar indices; all times are 15m open times in epoch ms UTC.
 *
 * @param id a deterministic identifier: direction letter and the break bar's close time, e.g.
 *     {@code leg-L-1735690500000}
 * @param direction bullish (after a broken swing high) or bearish
 * @param breakType BOS or CHoCH of the break that created the leg
 * @param brokenLevel the price of the broken swing point
 * @param brokenSwingIndex the pivot index of the broken swing point
 * @param decisiveBreak whether the break close cleared the level by the decisive-break ATR multiple
 *     (confidence point 1)
 * @param breakIndex the index of the break bar
 * @param startIndex the index of the leg start
 * @param startTimeMillis the open time of the leg start bar
 * @param startPrice the leg start price
 * @param endIndex the index of the leg end
 * @param endTimeMillis the open time of the leg end bar
 * @param endPrice the leg end price
 * @param zoneStartPrice {@code price(zoneStart)}, 0.5 by default: the zone edge nearer the end
 * @param goldenPrice {@code price(golden)}, 0.618 by default
 * @param zoneEndPrice {@code price(zoneEnd)}, 0.786 by default: the zone edge nearer the start
 */
public record ImpulseLeg(
    String id,
    Direction direction,
    BreakType breakType,
    double brokenLevel,
    int brokenSwingIndex,
    boolean decisiveBreak,
    int breakIndex,
    int startIndex,
    long startTimeMillis,
    double startPrice,
    int endIndex,
    long endTimeMillis,
    double endPrice,
    double zoneStartPrice,
    double goldenPrice,
    double zoneEndPrice) {

  /**
   * Validates the leg.
   *
   * @throws IllegalArgumentException when the indices are not ordered {@code brokenSwingIndex <=
   *     startIndex <= breakIndex <= endIndex}, a price is not finite, the leg does not point in its
   *     direction or the Fibonacci prices are not ordered from end to start
   */
  public ImpulseLeg {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(breakType, "breakType");
    if (!(brokenSwingIndex <= startIndex && startIndex <= breakIndex && breakIndex <= endIndex)) {
      throw new IllegalArgumentException(
          "indices must satisfy brokenSwingIndex <= startIndex <= breakIndex <= endIndex, were "
              + brokenSwingIndex
              + ", "
              + startIndex
              + ", "
              + breakIndex
              + ", "
              + endIndex);
    }
    for (double p :
        new double[] {
          brokenLevel, startPrice, endPrice, zoneStartPrice, goldenPrice, zoneEndPrice
        }) {
      if (!Double.isFinite(p)) {
        throw new IllegalArgumentException("leg prices must be finite, found " + p);
      }
    }
    double s = direction.sign();
    if (!(s * endPrice > s * startPrice)) {
      throw new IllegalArgumentException(
          direction
              + " leg must end beyond its start, was start "
              + startPrice
              + " end "
              + endPrice);
    }
    if (!(s * endPrice >= s * zoneStartPrice
        && s * zoneStartPrice >= s * goldenPrice
        && s * goldenPrice >= s * zoneEndPrice
        && s * zoneEndPrice >= s * startPrice)) {
      throw new IllegalArgumentException(
          "Fibonacci prices must be ordered from end to start, were end "
              + endPrice
              + ", "
              + zoneStartPrice
              + ", "
              + goldenPrice
              + ", "
              + zoneEndPrice
              + ", start "
              + startPrice);
    }
  }

  /**
   * Returns the retracement price {@code end - ratio * (end - start)}.
   *
   * @param ratio the retracement, e.g. 0.618
   * @return the price
   */
  public double price(double ratio) {
    return endPrice - ratio * (endPrice - startPrice);
  }

  /** Returns the lower edge of the zone. */
  public double zoneLow() {
    return Math.min(zoneStartPrice, zoneEndPrice);
  }

  /** Returns the upper edge of the zone. */
  public double zoneHigh() {
    return Math.max(zoneStartPrice, zoneEndPrice);
  }
}
