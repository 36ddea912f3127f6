package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fib.LegChange;

/**
 * A change of the current 15m impulse leg (STRATEGY.md section 3): created by a break, extended by
 * a strictly more extreme bar while open, frozen (retracement to the zone start, or a new swing
 * after the break), or replaced by a newer break. The origin is the leg start bar.
 *
 * @param change what happened
 * @param leg the leg after the change (for {@code REPLACED}: the leg as it was when replaced)
 * @param knownAtIndex the 15m bar at whose close the change happened
 * @param knownAtTimeMillis that bar's close time
 * @param knownAt5mIndex the 5m bar index at whose close it was reported
 */
public record ImpulseLegEvent(
    LegChange change, ImpulseLeg leg, int knownAtIndex, long knownAtTimeMillis, int knownAt5mIndex)
    implements StrategyEvent {

  /** Checks for nulls. */
  public ImpulseLegEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(leg, "leg");
  }

  @Override
  public Timeframe timeframe() {
    return Timeframe.M15;
  }

  @Override
  public int originIndex() {
    return leg.startIndex();
  }

  @Override
  public long originTimeMillis() {
    return leg.startTimeMillis();
  }
}
