package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.structure.SwingType;

/**
 * A swing point (STRATEGY.md section 1) of the 5m or 15m series: a swing high at bar {@code j} has
 * {@code high[j] > high[j-k]} for {@code k = 1..L} and {@code high[j] >= high[j+k]} for {@code k =
 * 1..R}; it is known at the close of bar {@code j + R}. A swing low mirrors it.
 *
 * @param timeframe 5m or 15m
 * @param type high or low
 * @param price the pivot bar's high (swing high) or low (swing low)
 * @param originIndex the pivot bar index {@code j}
 * @param originTimeMillis the pivot bar's open time
 * @param knownAtIndex {@code j + R}
 * @param knownAtTimeMillis the close time of bar {@code j + R}
 * @param knownAt5mIndex the 5m bar index at whose close it was reported
 */
public record SwingPointEvent(
    Timeframe timeframe,
    SwingType type,
    double price,
    int originIndex,
    long originTimeMillis,
    int knownAtIndex,
    long knownAtTimeMillis,
    int knownAt5mIndex)
    implements StrategyEvent {

  /** Checks for nulls. */
  public SwingPointEvent {
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(type, "type");
  }
}
