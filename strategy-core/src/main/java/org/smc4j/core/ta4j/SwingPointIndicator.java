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
 * The price of the most recent swing high (or low) (STRATEGY.md section 1) that had become known by
 * the close of bar {@code i}: a swing at pivot {@code j} appears from the bar where it is
 * confirmed, {@code R} bars after the pivot, never at the pivot itself. This is the causal
 * counterpart of ta4j's {@code RecentSwingHighIndicator}, with the strategy's definition ({@code L}
 * strictly lower bars to the left, {@code R} lower-or-equal bars to the right).
 *
 * <p>Two sources:
 *
 * <ul>
 *   <li><b>swings only</b> ({@link #high(BarSeries, int, int)}, {@link #high(SwingSeries)} and the
 *       {@code low} twins): the swings of the series itself, any timeframe, found by a {@link
 *       SwingSeries} that reads each bar once (its high, low and period; times only at swings) and
 *       runs the engine's swing test and nothing else; a swing at {@code j} appears at bar {@code j
 *       + R}. On 5m bars with the 5m lookbacks these are exactly the engine's 5m swings. Share one
 *       {@code SwingSeries} between the high and the low indicator so that each bar is read once;
 *   <li><b>the strategy</b> ({@link #high(StrategySeries, Timeframe)}): the 5m or 15m swings of the
 *       strategy engine run over a 5m series ({@link StrategySeries}); a 5m swing appears at 5m bar
 *       {@code j + R}, a 15m swing at the 5m bar that closes 15m bar {@code j + R}.
 * </ul>
 *
 * <p>No value ({@link #hasValue} false, ta4j {@code NaN}) before the first swing is known. The
 * pivot itself is available from {@link #swingAt}. Values never change once the bar is seen; see
 * {@link SwingSeries} and {@link StrategySeries} for how bars are read.
 */
public final class SwingPointIndicator implements Indicator<Num> {

  /** The strategy run behind the values, or null for the swing-only source. */
  private final StrategySeries source;

  /** The swing detector behind the values, or null for the strategy source. */
  private final SwingSeries swings;

  /** The swing-only source's swings of this type, or null. */
  private final SwingSeries.Swings column;

  /** The strategy source's timeframe, or null (the swing-only source's is its bars'). */
  private final Timeframe timeframe;

  private final SwingType type;
  private final int slot;

  /**
   * Strategy source: the event of the last value handed out (values repeat over many bars, so the
   * value is memoised). Swing-only source: the last swing number found, the first guess of the next
   * lookup.
   */
  private int memoPosition = -1;

  private Num memo;

  private SwingPointIndicator(StrategySeries source, Timeframe timeframe, SwingType type) {
    this.source = Objects.requireNonNull(source, "source");
    this.swings = null;
    this.column = null;
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

  private SwingPointIndicator(SwingSeries swings, SwingType type) {
    this.source = null;
    this.swings = Objects.requireNonNull(swings, "swings");
    this.type = Objects.requireNonNull(type, "type");
    this.column = swings.swings(type);
    this.timeframe = null;
    this.slot = -1;
  }

  /**
   * Returns the indicator of the latest known swing high of a series, computing swings only.
   *
   * @param series the bars, of any timeframe; bars may be appended later
   * @param left the lookback {@code L} to the left, {@code >= 1}
   * @param right the lookback {@code R} to the right, {@code >= 1}
   * @return the indicator, over a swing detector of its own
   * @throws IllegalArgumentException when a lookback is below 1
   */
  public static SwingPointIndicator high(BarSeries series, int left, int right) {
    return high(SwingSeries.of(series, left, right));
  }

  /**
   * Returns the indicator of the latest known swing low of a series, computing swings only.
   *
   * @param series the bars, of any timeframe; bars may be appended later
   * @param left the lookback {@code L} to the left, {@code >= 1}
   * @param right the lookback {@code R} to the right, {@code >= 1}
   * @return the indicator, over a swing detector of its own
   * @throws IllegalArgumentException when a lookback is below 1
   */
  public static SwingPointIndicator low(BarSeries series, int left, int right) {
    return low(SwingSeries.of(series, left, right));
  }

  /**
   * Returns the indicator of the latest known swing high found by a swing detector.
   *
   * @param swings the detector, possibly shared with a {@link #low(SwingSeries)} indicator
   * @return the indicator
   */
  public static SwingPointIndicator high(SwingSeries swings) {
    return new SwingPointIndicator(swings, SwingType.HIGH);
  }

  /**
   * Returns the indicator of the latest known swing low found by a swing detector.
   *
   * @param swings the detector, possibly shared with a {@link #high(SwingSeries)} indicator
   * @return the indicator
   */
  public static SwingPointIndicator low(SwingSeries swings) {
    return new SwingPointIndicator(swings, SwingType.LOW);
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

  /**
   * Returns the swings' timeframe: the strategy source's, or the period of the swing-only source's
   * bars.
   *
   * @return the timeframe
   * @throws IllegalStateException for the swing-only source before it read a bar
   */
  public Timeframe timeframe() {
    return timeframe != null ? timeframe : swings.timeframe();
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
    if (swings != null) {
      int k = swings.latest(column, i, memoPosition);
      if (k < 0) {
        return StrategySeries.none();
      }
      memoPosition = k;
      return column.num[k];
    }
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
    if (swings != null) {
      return swings.latest(column, i, memoPosition) >= 0;
    }
    return source.slot(i, slot) >= 0;
  }

  /**
   * Returns the latest swing known at the close of bar {@code i}, with its pivot and confirmation
   * stamps (for the swing-only source: series indices and the bars' timeframe, as {@link
   * SwingSeries#swingAt}).
   *
   * @param i a series index
   * @return the swing event
   */
  public Optional<SwingPointEvent> swingAt(int i) {
    if (swings != null) {
      int k = swings.latest(column, i, memoPosition);
      return k < 0 ? Optional.empty() : Optional.of(swings.event(type, column, k));
    }
    int p = source.slot(i, slot);
    return p < 0 ? Optional.empty() : Optional.of((SwingPointEvent) source.event(p));
  }

  /**
   * Returns the number of first bars at which no swing can be known yet: {@code L + R} bars (5m
   * swings of the strategy and the swing-only source), or {@code 3 (L + R) + 2} 5m bars for 15m
   * swings. Values are never revised later.
   */
  @Override
  public int getCountOfUnstableBars() {
    if (swings != null) {
      return swings.left() + swings.right();
    }
    return timeframe.equals(Timeframe.M5)
        ? WarmUp.swing5(source.config())
        : WarmUp.swing15(source.config());
  }

  @Override
  public BarSeries getBarSeries() {
    return swings != null ? swings.barSeries() : source.barSeries();
  }

  @Override
  public String toString() {
    return swings != null
        ? "SwingPointIndicator[" + type + " L=" + swings.left() + " R=" + swings.right() + "]"
        : "SwingPointIndicator[" + timeframe + " " + type + "]";
  }
}
