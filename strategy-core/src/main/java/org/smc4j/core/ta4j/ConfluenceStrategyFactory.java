package org.smc4j.core.ta4j;

import java.util.Locale;
import java.util.Objects;
import org.smc4j.core.signal.Side;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;

/**
 * Builds ta4j {@link Strategy strategies} of the BOS / FVG / Fibonacci confluence for ta4j's {@code
 * BarSeriesManager}: enter on the strategy's entry signal ({@link EntrySignalRule}), exit when a
 * bar reaches its planned stop or target ({@link SignalExitRule}). ta4j runs one trade type per
 * run, so longs and shorts are two strategies:
 *
 * <pre>{@code
 * StrategySeries smc = StrategySeries.of(series, StrategyConfig.DEFAULT, 0.1);
 * BarSeriesManager manager = new BarSeriesManager(series);
 * TradingRecord longs = manager.run(ConfluenceStrategyFactory.of(smc, Side.LONG));
 * TradingRecord shorts =
 *     manager.run(ConfluenceStrategyFactory.of(smc, Side.SHORT), Trade.TradeType.SELL);
 * }</pre>
 *
 * A signal is made at the close of its bar and, with ta4j's default execution model, entered at the
 * next bar's open; one position at a time, so a signal made while a position is open is ignored.
 */
public final class ConfluenceStrategyFactory {

  private ConfluenceStrategyFactory() {}

  /**
   * Returns the strategy of one side.
   *
   * @param source the strategy run over the series
   * @param side long or short
   * @return a strategy named {@code "smc4j confluence long"} or {@code "... short"}
   */
  public static Strategy of(StrategySeries source, Side side) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(side, "side");
    return new BaseStrategy(
        "smc4j confluence " + side.name().toLowerCase(Locale.ROOT),
        new EntrySignalRule(source, side),
        new SignalExitRule(source, side),
        0);
  }

  /**
   * Returns the ta4j trade type that opens a position of a side, for {@code
   * BarSeriesManager.run(strategy, tradeType)}.
   *
   * @param side long or short
   * @return {@code BUY} for long, {@code SELL} for short
   */
  public static Trade.TradeType tradeType(Side side) {
    return Objects.requireNonNull(side, "side") == Side.LONG
        ? Trade.TradeType.BUY
        : Trade.TradeType.SELL;
  }
}
