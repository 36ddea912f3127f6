package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.poi.PointOfInterest;

/**
 * A point of interest was chosen and armed at the 15m close that froze its leg (STRATEGY.md section
 * 5). Its origin is its fair value gap's first candle; it is known at the arming close.
 *
 * @param poi the armed POI
 */
public record PoiArmedEvent(PointOfInterest poi) implements StrategyEvent {

  /** Checks for null. */
  public PoiArmedEvent {
    Objects.requireNonNull(poi, "poi");
  }

  @Override
  public Timeframe timeframe() {
    return Timeframe.M15;
  }

  @Override
  public int originIndex() {
    return poi.fvg().originIndex();
  }

  @Override
  public long originTimeMillis() {
    return poi.fvg().originTimeMillis();
  }

  @Override
  public int knownAtIndex() {
    return poi.armedIndex();
  }

  @Override
  public long knownAtTimeMillis() {
    return poi.armedTimeMillis();
  }

  @Override
  public int knownAt5mIndex() {
    return poi.armed5mIndex();
  }
}
