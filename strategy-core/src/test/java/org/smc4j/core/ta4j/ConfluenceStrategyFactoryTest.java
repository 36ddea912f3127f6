package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The ta4j strategy run by ta4j's own {@code BarSeriesManager} (default next-open execution) over
 * six months of real BTCUSDT 5m candles: each position opens at the open after a signal bar of its
 * side, and closes at the open after the first later bar whose range reached that signal's stop or
 * target, found here straight from the candles.
 */
class ConfluenceStrategyFactoryTest {

  @ParameterizedTest
  @EnumSource(Side.class)
  void shouldEnterAfterEachSignalAndExitAfterTheBarThatReachesItsStopOrTarget(Side side) {
    BarArrays five =
        BinanceKlineCsv.readFolder(SharedData.requireData("binance-usdm/BTCUSDT/5m"), Timeframe.M5);
    BarSeries series = BarSeriesFactory.of(five, "BTCUSDT", DoubleNumFactory.getInstance());
    StrategySeries smc = StrategySeries.of(series, StrategyConfig.DEFAULT, 0.1);
    Strategy strategy = ConfluenceStrategyFactory.of(smc, side);
    TradingRecord record =
        new BarSeriesManager(series).run(strategy, ConfluenceStrategyFactory.tradeType(side));

    List<EntrySignal> signals =
        StrategyEngine.run(five, StrategyConfig.DEFAULT, 0.1).signals().stream()
            .filter(s -> s.side() == side)
            .toList();
    List<Position> positions = record.getPositions();
    assertThat(positions).isNotEmpty().hasSizeLessThanOrEqualTo(signals.size());
    assertThat(strategy.getName())
        .isEqualTo("smc4j confluence " + side.name().toLowerCase(Locale.ROOT));
    int previousExit = -1;
    for (Position p : positions) {
      int entry = p.getEntry().getIndex();
      EntrySignal signal =
          signals.stream()
              .filter(s -> s.signalIndex() == entry - 1)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no signal before the entry at " + entry));
      assertThat(entry).as("one position at a time").isGreaterThan(previousExit);
      assertThat(p.getEntry().getNetPrice().doubleValue()).isEqualTo(five.open(entry));
      int hit = entry;
      while (!(side == Side.LONG
          ? five.low(hit) <= signal.stop() || five.high(hit) >= signal.target()
          : five.high(hit) >= signal.stop() || five.low(hit) <= signal.target())) {
        hit++;
      }
      assertThat(p.getExit().getIndex())
          .as("exit after the first bar reaching stop or target of %s", signal.id())
          .isEqualTo(hit + 1);
      assertThat(p.getExit().getNetPrice().doubleValue()).isEqualTo(five.open(hit + 1));
      previousExit = p.getExit().getIndex();
    }
  }
}
