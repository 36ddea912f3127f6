package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.signal.Side;
import org.smc4j.core.signal.TriggerType;
import org.smc4j.core.testing.RandomCandles;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The ta4j strategy under ta4j's {@code BarSeriesManager} on random markets, both sides: every
 * closed position opens at the open after a signal bar of its side (no position without a signal),
 * positions never overlap, and each closes at the open after the first bar, from its entry bar on,
 * whose range reached that signal's stop or target (found here from the candles); while flat, no
 * signal bar is skipped.
 */
class ConfluenceStrategyProperties {

  @Provide
  Arbitrary<BarArrays> markets() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(800, 1500))
        .as(RandomCandles::generate);
  }

  @Property(tries = 40, seed = "20250301")
  @StatisticsReport(onFailureOnly = true)
  void shouldTradeEverySignalTakenWhileFlatAndExitAfterItsStopOrTarget(
      @ForAll("markets") BarArrays bars, @ForAll Side side) {
    BarSeries series = BarSeriesFactory.of(bars, "random", DoubleNumFactory.getInstance());
    StrategySeries smc = StrategySeries.of(series, StrategyConfig.DEFAULT, RandomCandles.TICK);
    TradingRecord record =
        new BarSeriesManager(series)
            .run(
                ConfluenceStrategyFactory.of(smc, side), ConfluenceStrategyFactory.tradeType(side));
    List<EntrySignal> signals =
        StrategyEngine.run(bars, StrategyConfig.DEFAULT, RandomCandles.TICK).signals().stream()
            .filter(s -> s.side() == side)
            .toList();

    int flatFrom = 0;
    int next = 0;
    for (Position p : record.getPositions()) {
      int entry = p.getEntry().getIndex();
      // every signal made while flat, before this one, would have opened a position
      while (next < signals.size() && signals.get(next).signalIndex() < entry - 1) {
        assertThat(signals.get(next).signalIndex())
            .as("signal %s while in a position", signals.get(next).id())
            .isLessThan(flatFrom);
        next++;
      }
      assertThat(next).as("a signal at bar %d", entry - 1).isLessThan(signals.size());
      EntrySignal s = signals.get(next);
      assertThat(s.signalIndex()).isEqualTo(entry - 1);
      assertThat(entry).isGreaterThanOrEqualTo(flatFrom);
      int hit = entry;
      while (!reached(bars, side, s, hit)) {
        hit++;
      }
      assertThat(p.getExit().getIndex()).as("exit of %s", s.id()).isEqualTo(hit + 1);
      flatFrom = hit + 1;
      next++;
      Statistics.label("trigger").collect(s.trigger());
    }
    Statistics.label("trades").collect(record.getPositions().isEmpty() ? "none" : "some");
    Statistics.label("trigger")
        .coverage(
            c -> {
              c.check(TriggerType.FVG).count(n -> n >= 1);
              c.check(TriggerType.MSS).count(n -> n >= 5);
            });
    Statistics.label("trades").coverage(c -> c.check("some").percentage(p -> p >= 20));
  }

  private static boolean reached(BarArrays bars, Side side, EntrySignal s, int i) {
    return side == Side.LONG
        ? bars.low(i) <= s.stop() || bars.high(i) >= s.target()
        : bars.high(i) >= s.stop() || bars.low(i) <= s.target();
  }
}
