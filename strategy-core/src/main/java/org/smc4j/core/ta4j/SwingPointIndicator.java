package org.smc4j.core.ta4j;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.structure.SwingType;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The price of the most recent swing high (or low) of the 5m or 15m series (STRATEGY.md section 1)
 * that had become known by the close of 5m bar {@code i}: a swing at pivot {@code j} appears from
 * the bar where it is confirmed, {@code R} bars after the pivot ({@code j + R} for 5m; for 15m, the
 * 5m bar that closes 15m bar {@code j + R}), never at the pivot itself. This is the causal
 * counterpart of ta4j's {@code RecentSwingHighIndicator}, with the strategy's definition ({@code L}
 * strictly lower bars to the left, {@code R} lower-or-equal bars to the right).
 *
 * <p>No value ({@link #hasValue} false, ta4j {@code NaN}) before the first swing is known. The
 * pivot itself is available from {@link #swingAt}. Values never change once the bar is seen; see
 * {@link StrategySeries} for how bars are read.
 */
public final class SwingPointIndicator implements Indicator<Num> {

  private final StrategySeries source;
  private final Timeframe timeframe;
  private final SwingType type;
  private final int slot;

  /** The last value handed out and the event it came from: values repeat over many bars. */
  private int memoPosition = -1;

  private Num memo;

  private SwingPointIndicator(StrategySeries source, Timeframe timeframe, SwingType type) {
    this.source = Objects.requireNonNull(source, "source");
    this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
    this.type = Objects.requireNonNull(type, "type");
    boolean high = type == SwingType.HIGH;
    if (timeframe.equals(Timeframe.M5)) {
      slot = high ? StrategySeries.SWING_HIGH_5 : StrategySeries.SWING_LOW_5;
    } else if (timeframe.equals(Timeframe.M15)) {
      slot = high ? StrategySeries.SWING_HIGH_15 : StrategySeries.SWING_LOW_15;
    } else {
      throw new IllegalArgumentException("timeframe must be 5m or 15m, was " + timeframe);
    }
    source.require(
        timeframe.equals(Timeframe.M5) ? StrategyEventKind.SWING_5M : StrategyEventKind.SWING_15M,
        this);
  }

  /**
   * Returns the indicator of the latest known swing high.
   *
   * @param source the strategy run over the series
   * @param timeframe {@link Timeframe#M5} or {@link Timeframe#M15}
   * @return the indicator
   * @throws IllegalArgumentException for another timeframe
   */
  public static SwingPointIndicator high(StrategySeries source, Timeframe timeframe) {
    return new SwingPointIndicator(source, timeframe, SwingType.HIGH);
  }

  /**
   * Returns the indicator of the latest known swing low.
   *
   * @param source the strategy run over the series
   * @param timeframe {@link Timeframe#M5} or {@link Timeframe#M15}
   * @return the indicator
   * @throws IllegalArgumentException for another timeframe
   */
  public static SwingPointIndicator low(StrategySeries source, Timeframe timeframe) {
    return new SwingPointIndicator(source, timeframe, SwingType.LOW);
  }

  /** Returns the swings' timeframe. */
  public Timeframe timeframe() {
    return timeframe;
  }

  /** Returns high or low. */
  public SwingType type() {
    return type;
  }

  /**
   * Returns the price of the latest swing known at the close of bar {@code i}.
   *
   * @param i a series index, at most the series' end index
   * @return the pivot price, or ta4j's {@code NaN} when no swing is known yet
   */
  @Override
  public Num getValue(int i) {
    int p = source.slot(i, slot);
    if (p < 0) {
      return StrategySeries.none();
    }
    if (p != memoPosition) {
      memo = source.num(((SwingPointEvent) source.event(p)).price());
      memoPosition = p;
    }
    return memo;
  }

  /**
   * Tells whether a swing is known at the close of bar {@code i}.
   *
   * @param i a series index
   * @return true when {@link #getValue} is a price
   */
  public boolean hasValue(int i) {
    return source.slot(i, slot) >= 0;
  }

  /**
   * Returns the latest swing known at the close of bar {@code i}, with its pivot and confirmation
   * stamps.
   *
   * @param i a series index
   * @return the swing event
   */
  public Optional<SwingPointEvent> swingAt(int i) {
    int p = source.slot(i, slot);
    return p < 0 ? Optional.empty() : Optional.of((SwingPointEvent) source.event(p));
  }

  /**
   * Returns the number of first bars at which no swing can be known yet: {@code L + R} 5m bars, or
   * {@code 3 (L + R) + 2} for 15m swings. Values are never revised later.
   */
  @Override
  public int getCountOfUnstableBars() {
    return timeframe.equals(Timeframe.M5)
        ? WarmUp.swing5(source.config())
        : WarmUp.swing15(source.config());
  }

  @Override
  public BarSeries getBarSeries() {
    return source.barSeries();
  }

  @Override
  public String toString() {
    return "SwingPointIndicator[" + timeframe + " " + type + "]";
  }
}
