package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.fvg.FvgChange;

/**
 * A fair value gap's creation or state change (STRATEGY.md section 4), on the 5m or 15m series.
 * Created at the close of its third candle; touched or filled at the close of a later bar. A bar
 * that both touches and fills a gap reports {@code TOUCHED} then {@code FILLED}.
 *
 * @param change created, touched or filled
 * @param gap the gap
 * @param knownAtIndex the bar (of the gap's timeframe) at whose close the change happened
 * @param knownAtTimeMillis that bar's close time
 * @param knownAt5mIndex the 5m bar index at whose close it was reported
 */
public record FairValueGapEvent(
    FvgChange change,
    FairValueGap gap,
    int knownAtIndex,
    long knownAtTimeMillis,
    int knownAt5mIndex)
    implements StrategyEvent {

  /** Checks for nulls. */
  public FairValueGapEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(gap, "gap");
  }

  @Override
  public Timeframe timeframe() {
    return gap.timeframe();
  }

  @Override
  public int originIndex() {
    return gap.originIndex();
  }

  @Override
  public long originTimeMillis() {
    return gap.originTimeMillis();
  }
}
