package org.smc4j.core.ta4j;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.signal.Side;
import org.ta4j.core.Bar;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;

/**
 * A ta4j exit {@link Rule} for positions opened by {@link EntrySignalRule}: satisfied at bar {@code
 * i} when bar {@code i} traded through the planned stop or target of the signal that opened the
 * current position (long: {@code low <= stop} or {@code high >= target}; short mirrored), checked
 * on the bars after the signal bar.
 *
 * <p>The signal of a position entered at bar {@code e} is the one made at the close of {@code e -
 * 1} (ta4j's default {@code TradeOnNextOpenModel}), else the one made at {@code e} ({@code
 * TradeOnCurrentCloseModel}); a position opened on a bar without such a signal is never exited by
 * this rule. ta4j then exits at its execution model's price (the next bar's open by default), not
 * at the stop or target themselves: this is ta4j's bar-close decision model, an approximation of
 * the strategy's fills; the backtest module fills at the stop and target exactly. Reads bar {@code
 * i} and earlier only.
 */
public final class SignalExitRule implements Rule {

  private final StrategySeries source;
  private final Side side;
  private String name;

  /**
   * Creates the rule.
   *
   * @param source the strategy run over the series
   * @param side the side of the positions it closes
   */
  public SignalExitRule(StrategySeries source, Side side) {
    this.source = Objects.requireNonNull(source, "source");
    this.side = Objects.requireNonNull(side, "side");
    this.name = "smc4j " + side.name().toLowerCase(Locale.ROOT) + " stop or target";

    source.require(StrategyEventKind.ENTRY_SIGNAL, this);
  }

  /**
   * Tells whether bar {@code i} reached the stop or target of the current position's signal.
   *
   * @param i a series index
   * @param tradingRecord the record holding the current position; false when null or flat
   * @return true when the position should be closed
   */
  @Override
  public boolean isSatisfied(int i, TradingRecord tradingRecord) {
    Optional<EntrySignal> signal = signalOf(tradingRecord);
    if (signal.isEmpty() || i <= signal.get().signalIndex()) {
      return false;
    }
    EntrySignal s = signal.get();
    Bar bar = source.barSeries().getBar(i);
    double low = bar.getLowPrice().doubleValue();
    double high = bar.getHighPrice().doubleValue();
    return side == Side.LONG
        ? low <= s.stop() || high >= s.target()
        : high >= s.stop() || low <= s.target();
  }

  /**
   * Returns the signal that opened the record's current position, if it was opened by one.
   *
   * @param tradingRecord the record, may be null
   * @return the signal
   */
  public Optional<EntrySignal> signalOf(TradingRecord tradingRecord) {
    if (tradingRecord == null) {
      return Optional.empty();
    }
    Position position = tradingRecord.getCurrentPosition();
    if (position == null || !position.isOpened()) {
      return Optional.empty();
    }
    int e = position.getEntry().getIndex();
    if (e - 1 >= source.barSeries().getBeginIndex()) {
      Optional<EntrySignal> before = source.signalAt(e - 1, side);
      if (before.isPresent()) {
        return before;
      }
    }
    return source.signalAt(e, side);
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
