package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;

/**
 * No look-ahead on real data (six months of Binance 5m candles): for prefixes ending on and just
 * before ten signals, ten POI deaths and ten breaks spread over the half year, and at seeded random
 * cut points, the prefix run reports exactly the full run's events known by the prefix's last bar.
 * Every event of the full run sits at or before the bar where it became known.
 */
class RealDataCausalityTest {

  private static final long SEED = 20250630L;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BTCUSDT, 0.1", "SOLUSDT, 0.01"})
  void shouldReportOnEveryPrefixOnlyTheEventsKnownByItsLastBar(String symbol, double tick) {
    BarArrays five =
        BinanceKlineCsv.readFolder(
            SharedData.requireData("binance-usdm/" + symbol + "/5m"), Timeframe.M5);
    StrategyRun full = StrategyEngine.run(five, StrategyConfig.DEFAULT, tick);
    List<StrategyEvent> events = full.events();
    for (StrategyEvent e : events) {
      assertThat(e.originIndex()).as("%s", e).isLessThanOrEqualTo(e.knownAtIndex());
      assertThat(e.knownAtTimeMillis())
          .as("%s", e)
          .isLessThanOrEqualTo(five.closeTimeMillis(e.knownAt5mIndex()));
    }

    TreeSet<Integer> cuts = new TreeSet<>();
    addTenSpread(cuts, full.signals());
    addTenSpread(cuts, full.eventsOf(PoiDeadEvent.class));
    addTenSpread(cuts, full.eventsOf(StructureBreakEvent.class));
    SplittableRandom random = new SplittableRandom(SEED);
    for (int r = 0; r < 10; r++) {
      cuts.add(1 + random.nextInt(five.size()));
    }
    cuts.removeIf(k -> k < 1 || k > five.size());
    assertThat(cuts).hasSizeGreaterThan(40);

    for (int k : cuts) {
      StrategyRun prefix = StrategyEngine.run(five.slice(0, k), StrategyConfig.DEFAULT, tick);
      List<StrategyEvent> known = new ArrayList<>();
      for (StrategyEvent e : events) {
        if (e.knownAt5mIndex() <= k - 1) {
          known.add(e);
        }
      }
      assertThat(prefix.events())
          .as("%s prefix of %d bars (seed %d)", symbol, k, SEED)
          .isEqualTo(known);
    }
  }

  /**
   * Adds, for ten events spread evenly over the list, the prefixes ending at the bar each became
   * known and at the bar before.
   */
  private static void addTenSpread(TreeSet<Integer> cuts, List<? extends StrategyEvent> events) {
    for (int i = 0; i < events.size(); i += Math.max(1, events.size() / 10)) {
      int at = events.get(i).knownAt5mIndex();
      cuts.add(at + 1);
      cuts.add(at);
    }
  }
}
