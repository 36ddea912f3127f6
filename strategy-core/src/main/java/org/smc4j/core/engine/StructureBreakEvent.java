package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.structure.BreakType;
import org.smc4j.core.structure.Direction;

/**
 * A 15m break of structure (STRATEGY.md section 2): {@code confirmBars} consecutive 15m closes
 * beyond the candidate swing level, the last of them clearing it by {@code minBreakAtr} 15m ATRs.
 * Reported at the close of the break bar, which is both its origin and its known-at bar.
 *
 * @param direction bullish (a swing high broken upwards) or bearish
 * @param type BOS (same direction as the previous break, or the first break) or CHoCH
 * @param level the broken swing point's price
 * @param swingIndex the broken swing's pivot index (15m)
 * @param swingTimeMillis the broken swing pivot's open time
 * @param close the break bar's close
 * @param atr the 15m ATR at the break bar
 * @param decisive whether {@code |close - level| >= decisiveBreakAtr * atr} (confidence point 1)
 * @param breakIndex the 15m index of the break bar
 * @param breakTimeMillis the break bar's open time
 * @param knownAtTimeMillis the break bar's close time
 * @param knownAt5mIndex the 5m bar index at whose close it was reported
 */
public record StructureBreakEvent(
    Direction direction,
    BreakType type,
    double level,
    int swingIndex,
    long swingTimeMillis,
    double close,
    double atr,
    boolean decisive,
    int breakIndex,
    long breakTimeMillis,
    long knownAtTimeMillis,
    int knownAt5mIndex)
    implements StrategyEvent {

  /** Checks for nulls. */
  public StructureBreakEvent {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public Timeframe timeframe() {
    return Timeframe.M15;
  }

  /** Returns the break bar index: a break sits on the bar that closed beyond the level. */
  @Override
  public int originIndex() {
    return breakIndex;
  }

  @Override
  public long originTimeMillis() {
    return breakTimeMillis;
  }

  @Override
  public int knownAtIndex() {
    return breakIndex;
  }
}
