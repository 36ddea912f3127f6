package org.smc4j.core.ta4j;

import java.util.Locale;
import java.util.Objects;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.signal.Side;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;

/**
 * A ta4j entry {@link Rule} satisfied at bar {@code i} when the strategy made a signal of one side
 * at the close of {@code i}. With ta4j's default {@code TradeOnNextOpenModel} the position opens at
 * the next bar's open, the strategy's earliest fill. Every signal is entered at market this way,
 * including FVG signals whose planned entry is a limit at the gap top (ta4j has no resting orders);
 * use the backtest module for the strategy's own fill rules.
 */
public final class EntrySignalRule implements Rule {

  private final StrategySeries source;
  private final Side side;
  private String name;

  /**
   * Creates the rule.
   *
   * @param source the strategy run over the series
   * @param side long or short signals
   */
  public EntrySignalRule(StrategySeries source, Side side) {
    this.source = Objects.requireNonNull(source, "source");
    this.side = Objects.requireNonNull(side, "side");
    this.name = "smc4j " + side.name().toLowerCase(Locale.ROOT) + " entry signal";

    source.require(StrategyEventKind.ENTRY_SIGNAL, this);
  }

  /**
   * Tells whether a signal of this rule's side was made at the close of bar {@code i}.
   *
   * @param i a series index
   * @param tradingRecord unused (may be null)
   * @return true on a signal bar
   */
  @Override
  public boolean isSatisfied(int i, TradingRecord tradingRecord) {
    return source.signalAt(i, side).isPresent();
  }

  @Override
  public void setName(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
