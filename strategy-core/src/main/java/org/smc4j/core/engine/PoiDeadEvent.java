package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.poi.PoiDeathReason;
import org.smc4j.core.poi.PointOfInterest;

/**
 * A point of interest died at a 15m close (STRATEGY.md section 5). Deaths happen only at 15m
 * closes; the 5m logic of the same close already sees the POI as dead. Also reported for a POI that
 * has already produced its signal (a pending limit entry is cancelled when its POI dies).
 *
 * @param poi the POI
 * @param reason why it died
 * @param knownAtIndex the 15m bar at whose close it died
 * @param knownAtTimeMillis that bar's close time
 * @param knownAt5mIndex the 5m bar index at whose close it was reported
 */
public record PoiDeadEvent(
    PointOfInterest poi,
    PoiDeathReason reason,
    int knownAtIndex,
    long knownAtTimeMillis,
    int knownAt5mIndex)
    implements StrategyEvent {

  /** Checks for nulls. */
  public PoiDeadEvent {
    Objects.requireNonNull(poi, "poi");
    Objects.requireNonNull(reason, "reason");
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
}
