package org.smc4j.core.ta4j;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.engine.ImpulseLegEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.fib.ImpulseLeg;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * One Fibonacci price of the current impulse leg (STRATEGY.md section 3) as it stood at the close
 * of 5m bar {@code i}. The leg appears at the 5m bar closing the 15m break bar, moves with its end
 * while it extends (each 15m close with a strictly higher high, for a bullish leg), stays fixed
 * once frozen, and is replaced by the leg of the next break (either direction). The leg's direction
 * is that of its break: for a bearish leg the start is the highest high and the levels lie above
 * the end.
 *
 * <p>No value ({@link #hasValue} false, ta4j {@code NaN}) before the first break. {@link #legAt}
 * gives the whole leg and {@link #isFrozen} whether it is frozen.
 */
public final class FibonacciLevelIndicator implements Indicator<Num> {

  private final StrategySeries source;
  private final FibonacciLevel level;

  /** The last value handed out and the event it came from: values repeat over many bars. */
  private int memoPosition = -1;

  private Num memo;

  /**
   * Creates the indicator.
   *
   * @param source the strategy run over the series
   * @param level the price of the leg reported
   */
  public FibonacciLevelIndicator(StrategySeries source, FibonacciLevel level) {
    this.source = Objects.requireNonNull(source, "source");
    this.level = Objects.requireNonNull(level, "level");
    source.require(StrategyEventKind.IMPULSE_LEG, this);
  }

  /** Returns the level reported. */
  public FibonacciLevel level() {
    return level;
  }

  /**
   * Returns the level's price on the current leg at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the price, or ta4j's {@code NaN} when there is no leg yet
   */
  @Override
  public Num getValue(int i) {
    int p = source.slot(i, StrategySeries.LEG);
    if (p < 0) {
      return StrategySeries.none();
    }
    if (p != memoPosition) {
      memo = source.num(level.price(((ImpulseLegEvent) source.event(p)).leg()));
      memoPosition = p;
    }
    return memo;
  }

  /**
   * Tells whether there is a leg at the close of bar {@code i}.
   *
   * @param i a series index
   * @return true when {@link #getValue} is a price
   */
  public boolean hasValue(int i) {
    return source.slot(i, StrategySeries.LEG) >= 0;
  }

  /**
   * Returns the current leg at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the leg
   */
  public Optional<ImpulseLeg> legAt(int i) {
    int p = source.slot(i, StrategySeries.LEG);
    return p < 0 ? Optional.empty() : Optional.of(((ImpulseLegEvent) source.event(p)).leg());
  }

  /**
   * Tells whether the current leg is frozen at the close of bar {@code i} (false when there is no
   * leg).
   *
   * @param i a series index
   * @return true when frozen
   */
  public boolean isFrozen(int i) {
    int p = source.slot(i, StrategySeries.LEG);
    return p >= 0 && ((ImpulseLegEvent) source.event(p)).change().isFreeze();
  }

  /** Returns the 5m bars before the 15m ATR, and so any break and leg, can exist. */
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
    return "FibonacciLevelIndicator[" + level + "]";
  }
}
