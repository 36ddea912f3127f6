package org.smc4j.core.engine;

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
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.CandleAggregation;
import org.smc4j.core.testing.RandomCandles;

/**
 * No look-ahead, on random markets (STRATEGY.md "Time and candles"): replaying any prefix of the
 * candles gives exactly the events of the full run that were known by the prefix's last bar, every
 * event sits no later than it became known, and supplying the 15m candles gives the same events as
 * deriving them. The generator ({@link RandomCandles}) is checked to reach every stage of the
 * strategy (breaks, POIs, deaths, long and short signals), otherwise these properties would prove
 * little; the coverage is asserted after the tries.
 */
class StrategyEngineCausalityProperties {

  @Provide
  Arbitrary<BarArrays> markets() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(600, 1200))
        .as(RandomCandles::generate);
  }

  @Property(tries = 60, seed = "20250101")
  @StatisticsReport(onFailureOnly = true)
  void everyPrefixReportsExactlyTheFullRunsEventsKnownByItsLastBar(
      @ForAll("markets") BarArrays bars) {
    StrategyRun full = StrategyEngine.run(bars, StrategyConfig.DEFAULT, RandomCandles.TICK);
    List<StrategyEvent> events = full.events();
    int n = bars.size();
    int known = 0;
    for (int k = 1; k <= n; k++) {
      while (known < events.size() && events.get(known).knownAt5mIndex() <= k - 1) {
        known++;
      }
      StrategyRun prefix =
          StrategyEngine.run(bars.slice(0, k), StrategyConfig.DEFAULT, RandomCandles.TICK);
      assertThat(prefix.events()).as("prefix of %d bars", k).isEqualTo(events.subList(0, known));
    }
    assertThat(known).as("every event is known by the last bar").isEqualTo(events.size());
    coverage(full);
  }

  @Property(tries = 100, seed = "20250102")
  @StatisticsReport(onFailureOnly = true)
  void everyEventSitsAtOrBeforeTheBarAtWhichItBecameKnown(@ForAll("markets") BarArrays bars) {
    StrategyRun full = StrategyEngine.run(bars, StrategyConfig.DEFAULT, RandomCandles.TICK);
    int previous5m = -1;
    for (StrategyEvent e : full.events()) {
      assertThat(e.originIndex()).as("%s", e).isLessThanOrEqualTo(e.knownAtIndex());
      assertThat(e.originTimeMillis()).as("%s", e).isLessThan(e.knownAtTimeMillis());
      // reported at the close of its 5m bar, in the engine's order of bars
      assertThat(e.knownAt5mIndex()).as("%s", e).isGreaterThanOrEqualTo(previous5m);
      assertThat(e.knownAtTimeMillis())
          .as("%s", e)
          .isLessThanOrEqualTo(bars.closeTimeMillis(e.knownAt5mIndex()));
      previous5m = e.knownAt5mIndex();
    }
    StrategyRun supplied =
        StrategyEngine.run(
            bars,
            CandleAggregation.toFifteenMinutes(bars),
            StrategyConfig.DEFAULT,
            RandomCandles.TICK);
    assertThat(supplied.events()).isEqualTo(full.events());
    coverage(full);
  }

  private static void coverage(StrategyRun run) {
    List<EntrySignal> signals = run.signals();
    Statistics.label("break").collect(!run.eventsOf(StructureBreakEvent.class).isEmpty());
    Statistics.label("POI armed").collect(!run.eventsOf(PoiArmedEvent.class).isEmpty());
    Statistics.label("POI dead").collect(!run.eventsOf(PoiDeadEvent.class).isEmpty());
    Statistics.label("long signal").collect(signals.stream().anyMatch(s -> s.side() == Side.LONG));
    Statistics.label("short signal")
        .collect(signals.stream().anyMatch(s -> s.side() == Side.SHORT));
    Statistics.label("break").coverage(c -> c.check(true).percentage(p -> p >= 90));
    Statistics.label("POI armed").coverage(c -> c.check(true).percentage(p -> p >= 80));
    Statistics.label("POI dead").coverage(c -> c.check(true).percentage(p -> p >= 70));
    Statistics.label("long signal").coverage(c -> c.check(true).percentage(p -> p >= 15));
    Statistics.label("short signal").coverage(c -> c.check(true).percentage(p -> p >= 15));
  }
}
