package org.smc4j.core.ta4j;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.FairValueGapEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.structure.Direction;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The top or bottom of the most recent fair value gap (STRATEGY.md section 4) of one timeframe and
 * direction, while it is unfilled, as known at the close of 5m bar {@code i}. A gap over candles
 * {@code j-2, j-1, j} appears at the close of {@code j} (for 15m gaps, the 5m bar closing 15m bar
 * {@code j}). It keeps its value while touched; from the close that fills it (a close beyond its
 * far edge) there is no value until a newer gap of the same kind forms. A newer gap replaces an
 * older unfilled one: this indicator shows the latest gap, not every open one.
 *
 * <p>No value ({@link #hasValue} false, ta4j {@code NaN}) before the first gap and after the latest
 * gap is filled. {@link #gapAt} gives the gap itself.
 */
public final class FairValueGapIndicator implements Indicator<Num> {

  private final StrategySeries source;
  private final Timeframe timeframe;
  private final Direction direction;
  private final ZoneEdge edge;
  private final int slot;

  /** The last value handed out and the event it came from: values repeat over many bars. */
  private int memoPosition = -1;

  private Num memo;

  /**
   * Creates the indicator.
   *
   * @param source the strategy run over the series
   * @param timeframe {@link Timeframe#M5} or {@link Timeframe#M15}
   * @param direction bullish (gap below price) or bearish
   * @param edge top or bottom of the gap
   * @throws IllegalArgumentException for a timeframe other than 5m or 15m
   */
  public FairValueGapIndicator(
      StrategySeries source, Timeframe timeframe, Direction direction, ZoneEdge edge) {
    this.source = Objects.requireNonNull(source, "source");
    this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
    this.direction = Objects.requireNonNull(direction, "direction");
    this.edge = Objects.requireNonNull(edge, "edge");
    boolean bullish = direction == Direction.BULLISH;
    if (timeframe.equals(Timeframe.M5)) {
      slot = bullish ? StrategySeries.FVG_5_BULLISH : StrategySeries.FVG_5_BEARISH;
    } else if (timeframe.equals(Timeframe.M15)) {
      slot = bullish ? StrategySeries.FVG_15_BULLISH : StrategySeries.FVG_15_BEARISH;
    } else {
      throw new IllegalArgumentException("timeframe must be 5m or 15m, was " + timeframe);
    }
    source.require(
        timeframe.equals(Timeframe.M5) ? StrategyEventKind.FVG_5M : StrategyEventKind.FVG_15M,
        this);
  }

  /** Returns the gaps' timeframe. */
  public Timeframe timeframe() {
    return timeframe;
  }

  /** Returns the gaps' direction. */
  public Direction direction() {
    return direction;
  }

  /** Returns the edge reported. */
  public ZoneEdge edge() {
    return edge;
  }

  /**
   * Returns the edge of the latest unfilled gap at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the price, or ta4j's {@code NaN} when there is no such gap
   */
  @Override
  public Num getValue(int i) {
    int p = source.slot(i, slot);
    if (p < 0) {
      return StrategySeries.none();
    }
    if (p != memoPosition) {
      FairValueGap gap = ((FairValueGapEvent) source.event(p)).gap();
      memo = source.num(edge == ZoneEdge.TOP ? gap.top() : gap.bottom());
      memoPosition = p;
    }
    return memo;
  }

  /**
   * Tells whether an unfilled gap of this kind is current at the close of bar {@code i}.
   *
   * @param i a series index
   * @return true when {@link #getValue} is a price
   */
  public boolean hasValue(int i) {
    return source.slot(i, slot) >= 0;
  }

  /**
   * Returns the latest unfilled gap of this kind at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the gap
   */
  public Optional<FairValueGap> gapAt(int i) {
    int p = source.slot(i, slot);
    return p < 0 ? Optional.empty() : Optional.of(((FairValueGapEvent) source.event(p)).gap());
  }

  /** Returns the 5m bars before the ATR of the gap's timeframe, and so any gap, can exist. */
  @Override
  public int getCountOfUnstableBars() {
    return timeframe.equals(Timeframe.M5)
        ? WarmUp.atr5(source.config())
        : WarmUp.atr15(source.config());
  }

  @Override
  public BarSeries getBarSeries() {
    return source.barSeries();
  }

  @Override
  public String toString() {
    return "FairValueGapIndicator[" + timeframe + " " + direction + " " + edge + "]";
  }
}
