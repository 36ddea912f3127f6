package org.smc4j.core.ta4j;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StructureBreakEvent;
import org.smc4j.core.structure.Direction;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The 15m break of structure (BOS or CHoCH, STRATEGY.md section 2) of one direction reported at the
 * close of 5m bar {@code i}: its value is the broken swing level on the 5m bar that closes the 15m
 * break bar, and no value on every other bar. A break is known at the close of the 15m bar whose
 * close clears the level, so it appears on the third 5m bar of that quarter hour, never earlier.
 *
 * <p>No value ({@link #hasValue} false, ta4j {@code NaN}) on bars without a break of this
 * direction. {@link #breakAt} gives the whole event (BOS or CHoCH, the broken swing, the close, the
 * ATR).
 */
public final class BreakOfStructureIndicator implements Indicator<Num> {

  private final StrategySeries source;
  private final Direction direction;
  private final int slot;

  /**
   * Creates the indicator.
   *
   * @param source the strategy run over the series
   * @param direction bullish (a swing high broken upwards) or bearish
   */
  public BreakOfStructureIndicator(StrategySeries source, Direction direction) {
    this.source = Objects.requireNonNull(source, "source");
    this.direction = Objects.requireNonNull(direction, "direction");
    this.slot =
        direction == Direction.BULLISH
            ? StrategySeries.BREAK_BULLISH
            : StrategySeries.BREAK_BEARISH;
    source.require(StrategyEventKind.STRUCTURE_BREAK, this);
  }

  /** Returns the direction of the breaks reported. */
  public Direction direction() {
    return direction;
  }

  /**
   * Returns the level broken at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the broken swing's price, or ta4j's {@code NaN} when no break of this direction was
   *     reported at this bar
   */
  @Override
  public Num getValue(int i) {
    int p = source.slot(i, slot);
    return p < 0
        ? StrategySeries.none()
        : source.num(((StructureBreakEvent) source.event(p)).level());
  }

  /**
   * Tells whether a break of this direction was reported at the close of bar {@code i}.
   *
   * @param i a series index
   * @return true when {@link #getValue} is a price
   */
  public boolean hasValue(int i) {
    return source.slot(i, slot) >= 0;
  }

  /**
   * Returns the break reported at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the break event
   */
  public Optional<StructureBreakEvent> breakAt(int i) {
    int p = source.slot(i, slot);
    return p < 0 ? Optional.empty() : Optional.of((StructureBreakEvent) source.event(p));
  }

  /** Returns the 5m bars before the 15m ATR, and so any break, can exist. */
  @Override
  public int getCountOfUnstableBars() {
    return WarmUp.atr15(source.config());
  }

  @Override
  public BarSeries getBarSeries() {
    return source.barSeries();
  }

  @Override
  public String toString() {
    return "BreakOfStructureIndicator[" + direction + "]";
  }
}
