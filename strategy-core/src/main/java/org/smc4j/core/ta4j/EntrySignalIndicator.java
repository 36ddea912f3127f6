package org.smc4j.core.ta4j;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.signal.Side;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The entry signal (STRATEGY.md section 6) of one side made at the close of 5m bar {@code i}: its
 * value is the planned entry price (the trigger close for an MSS, the gap top for an FVG limit) on
 * the signal bar, and no value on every other bar. The signal is known at that close; the earliest
 * fill is the next bar's open. {@link #signalAt} gives the whole signal (stop, target, score).
 *
 * <p>No value ({@link #hasValue} false, ta4j {@code NaN}) on bars without a signal of this side.
 */
public final class EntrySignalIndicator implements Indicator<Num> {

  private final StrategySeries source;
  private final Side side;

  /**
   * Creates the indicator.
   *
   * @param source the strategy run over the series
   * @param side long or short signals
   */
  public EntrySignalIndicator(StrategySeries source, Side side) {
    this.source = Objects.requireNonNull(source, "source");
    this.side = Objects.requireNonNull(side, "side");

    source.require(StrategyEventKind.ENTRY_SIGNAL, this);
  }

  /** Returns the side reported. */
  public Side side() {
    return side;
  }

  /**
   * Returns the planned entry of the signal made at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the entry price, or ta4j's {@code NaN} when no signal of this side was made at this bar
   */
  @Override
  public Num getValue(int i) {
    Optional<EntrySignal> s = source.signalAt(i, side);
    return s.isEmpty() ? StrategySeries.none() : source.num(s.get().entry());
  }

  /**
   * Tells whether a signal of this side was made at the close of bar {@code i}.
   *
   * @param i a series index
   * @return true when {@link #getValue} is a price
   */
  public boolean hasValue(int i) {
    return source.signalAt(i, side).isPresent();
  }

  /**
   * Returns the signal of this side made at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the signal
   */
  public Optional<EntrySignal> signalAt(int i) {
    return source.signalAt(i, side);
  }

  /** Returns the 5m bars before the 15m ATR, and so any signal, can exist. */
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
    return "EntrySignalIndicator[" + side + "]";
  }
}
