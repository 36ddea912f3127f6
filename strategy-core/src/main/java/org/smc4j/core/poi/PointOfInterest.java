package org.smc4j.core.poi;

import java.util.Objects;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.structure.Direction;

/**
 * A point of interest (STRATEGY.md section 5): the overlap of a leg fair value gap with the leg's
 * Fibonacci zone, chosen once at the 15m close that froze the leg and armed at that close.
 *
 * @param id a deterministic identifier: direction letter and the arming close time, e.g. {@code
 *     poi-L-1735693200000}; stable across restarts that replay the same candles
 * @param direction bullish (long setups) or bearish (short setups)
 * @param bottom the lower price of the overlap
 * @param top the upper price of the overlap, {@code > bottom}
 * @param fvg the 15m fair value gap the POI lies in
 * @param leg the frozen leg the POI belongs to
 * @param armedIndex the 15m bar index of the arming close
 * @param armedTimeMillis the arming close time (the 15m bar's close), epoch ms UTC
 * @param armed5mIndex the 5m bar index at whose close the POI was armed; the first possible tap is
 *     the next 5m bar
 * @param atrAtArming the 15m ATR at the arming close
 * @param goldenPocket whether the FVG contains the leg's golden price (confidence point 3)
 * @param structureRetest whether the broken level lies inside the POI or within the retest ATR
 *     multiple of it (confidence point 4)
 */
public record PointOfInterest(
    String id,
    Direction direction,
    double bottom,
    double top,
    FairValueGap fvg,
    ImpulseLeg leg,
    int armedIndex,
    long armedTimeMillis,
    int armed5mIndex,
    double atrAtArming,
    boolean goldenPocket,
    boolean structureRetest) {

  /**
   * Validates the POI.
   *
   * @throws IllegalArgumentException when {@code bottom >= top}, the POI is not inside its FVG and
   *     its leg's zone, the directions disagree or an index is negative
   */
  public PointOfInterest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(fvg, "fvg");
    Objects.requireNonNull(leg, "leg");
    if (!(bottom < top)) {
      throw new IllegalArgumentException("bottom must be < top, was " + bottom + " >= " + top);
    }
    if (fvg.direction() != direction || leg.direction() != direction) {
      throw new IllegalArgumentException(
          "fvg and leg must be "
              + direction
              + ", were "
              + fvg.direction()
              + " and "
              + leg.direction());
    }
    if (bottom < fvg.bottom() || top > fvg.top()) {
      throw new IllegalArgumentException(
          "POI ["
              + bottom
              + ", "
              + top
              + "] must lie inside its FVG ["
              + fvg.bottom()
              + ", "
              + fvg.top()
              + "]");
    }
    if (bottom < leg.zoneLow() || top > leg.zoneHigh()) {
      throw new IllegalArgumentException(
          "POI ["
              + bottom
              + ", "
              + top
              + "] must lie inside its zone ["
              + leg.zoneLow()
              + ", "
              + leg.zoneHigh()
              + "]");
    }
    if (armedIndex < 0 || armed5mIndex < 0) {
      throw new IllegalArgumentException(
          "armedIndex and armed5mIndex must be >= 0, were " + armedIndex + " and " + armed5mIndex);
    }
    if (!(atrAtArming > 0) || !Double.isFinite(atrAtArming)) {
      throw new IllegalArgumentException("atrAtArming must be > 0 and finite, was " + atrAtArming);
    }
  }

  /**
   * Returns the price a tap must reach: the top for a bullish POI, the bottom for a bearish one.
   */
  public double tapPrice() {
    return direction == Direction.BULLISH ? top : bottom;
  }
}
