package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.poi.PointOfInterest;

/**
 * The first 5m bar after arming that traded into an armed POI (bullish: low at or below the POI
 * top). From the next 5m bar on the engine watches for an entry trigger. Origin and known-at are
 * the tap bar (5m).
 *
 * @param poi the POI
 * @param tapIndex the 5m index of the tap bar
 * @param tapTimeMillis the tap bar's open time
 * @param knownAtTimeMillis the tap bar's close time
 * @param price the tap bar's low (bullish) or high (bearish)
 */
public record PoiTappedEvent(
    PointOfInterest poi, int tapIndex, long tapTimeMillis, long knownAtTimeMillis, double price)
    implements StrategyEvent {

  /** Checks for null. */
  public PoiTappedEvent {
    Objects.requireNonNull(poi, "poi");
  }

  @Override
  public Timeframe timeframe() {
    return Timeframe.M5;
  }

  @Override
  public int originIndex() {
    return tapIndex;
  }

  @Override
  public long originTimeMillis() {
    return tapTimeMillis;
  }

  @Override
  public int knownAtIndex() {
    return tapIndex;
  }

  @Override
  public int knownAt5mIndex() {
    return tapIndex;
  }
}
