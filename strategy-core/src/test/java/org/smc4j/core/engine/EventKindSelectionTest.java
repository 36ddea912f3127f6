package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;

/**
 * A listener that wants only some event kinds lets the engine skip work (it builds no unwanted
 * events and computes the 5m swings and gaps only where an entry trigger can read them). The events
 * it does get must be exactly those of a full run, in the same order, for every selection.
 */
class EventKindSelectionTest {

  private static final List<StrategyConfig> CONFIGS =
      List.of(
          StrategyConfig.DEFAULT,
          // Short lookbacks: many more swings, taps and triggers per POI.
          StrategyConfig.builder().swing15(1, 1).swing5(1, 1).build(),
          StrategyConfig.builder()
              .swing15(5, 2)
              .swing5(3, 1)
              .confirmBars(2)
              .minBreakAtr(0.0)
              .continuationOnly(true)
              .minGapAtr(0.0)
              .poiMaxAgeBars(10)
              .secondTarget(true)
              .atrPeriod(5)
              .build());

  private static List<Set<StrategyEventKind>> selections() {
    List<Set<StrategyEventKind>> out = new ArrayList<>();
    for (StrategyEventKind k : StrategyEventKind.values()) {
      out.add(EnumSet.of(k));
    }
    out.add(EnumSet.of(StrategyEventKind.ENTRY_SIGNAL, StrategyEventKind.POI));
    out.add(EnumSet.of(StrategyEventKind.ENTRY_SIGNAL, StrategyEventKind.SWING_15M));
    out.add(EnumSet.complementOf(EnumSet.of(StrategyEventKind.SWING_5M)));
    out.add(EnumSet.complementOf(EnumSet.of(StrategyEventKind.FVG_5M)));
    return out;
  }

  private static List<StrategyEvent> run(
      BarArrays bars, StrategyConfig config, double tick, Set<StrategyEventKind> kinds) {
    List<StrategyEvent> events = new ArrayList<>();
    StrategyEngine engine =
        new StrategyEngine(config, tick, StrategyEventListener.only(kinds, events::add));
    long[] t = bars.openTimeMillisUnsafe();
    for (int i = 0; i < bars.size(); i++) {
      engine.onBar(
          t[i],
          bars.openUnsafe()[i],
          bars.highUnsafe()[i],
          bars.lowUnsafe()[i],
          bars.closeUnsafe()[i],
          bars.volumeUnsafe()[i]);
    }
    return events;
  }

  private static void check(BarArrays bars, double tick) {
    for (StrategyConfig config : CONFIGS) {
      List<StrategyEvent> all = StrategyEngine.run(bars, config, tick).events();
      assertThat(all.stream().filter(EntrySignal.class::isInstance).count())
          .as("signals with %s", config)
          .isGreaterThan(20);
      for (Set<StrategyEventKind> kinds : selections()) {
        List<StrategyEvent> expected =
            all.stream().filter(e -> kinds.contains(StrategyEventKind.of(e))).toList();
        assertThat(run(bars, config, tick, kinds))
            .as("%s with %s", kinds, config)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void shouldReportTheSameSignalsAndEventsForEverySelectionOfKindsOnBtcusdt() {
    BarArrays bars =
        BinanceKlineCsv.readFolder(SharedData.requireData("binance-usdm/BTCUSDT/5m"), Timeframe.M5);
    // Two months keep the test to about a second and hold dozens of signals per config.
    check(bars.slice(0, 17_000), 0.1);
  }

  @Test
  void shouldReportTheSameSignalsAndEventsForEverySelectionOfKindsOnSolusdt() {
    BarArrays bars =
        BinanceKlineCsv.readFolder(SharedData.requireData("binance-usdm/SOLUSDT/5m"), Timeframe.M5);
    check(bars.slice(30_000, 47_000), 0.001);
  }
}
