package org.smc4j.live.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.plan.PlanSizer;

class SymbolFeedTest {

  @Test
  void shouldFeedOverlappingFetchesOnceAndReportOnlyLiveSignals() {
    BarArrays bars =
        CandleCsvReader.STRICT
            .withTimeframe(Timeframe.M5)
            .read(SharedData.requireData("bybit-linear/SOLUSDT/5m/SOLUSDT_5m.csv"))
            .bars()
            .slice(0, 9000);
    ContractSpec spec = InferredContractSpec.from("SOLUSDT", bars);
    // Live from the close of bar 2999: the first 3,000 bars are warm-up.
    long liveFrom = bars.closeTimeMillis(2999);
    SymbolFeed feed =
        new SymbolFeed(
            "SOLUSDT",
            spec,
            StrategyConfig.DEFAULT,
            new PlanSizer(SizingParameters.DEFAULT),
            ScanLoopTest.pipeline(),
            ScanLoopTest.paperBrokers().open("SOLUSDT", spec, BrokerListener.NONE),
            key -> false,
            liveFrom);

    List<ScanSignal> reported = new ArrayList<>(feed.feed(bars.slice(0, 3000)));
    // Then fetches of 1 to 7 bars, each overlapping the previous fetch by 1 to 3 bars, as the
    // loop's "newest candles" requests do.
    int fed = 3000;
    int step = 0;
    while (fed < bars.size()) {
      int overlap = 1 + step % 3;
      int fresh = 1 + step % 7;
      int to = Math.min(bars.size(), fed + fresh);
      reported.addAll(feed.feed(bars.slice(fed - overlap, to)));
      assertThat(feed.lastCloseMillis()).isEqualTo(bars.closeTimeMillis(to - 1));
      fed = to;
      step++;
    }

    // The engine run once over all 9,000 bars: its signals known at or after the live start.
    List<EntrySignal> all =
        StrategyEngine.run(bars, StrategyConfig.DEFAULT, spec.tickSize().doubleValue()).signals();
    List<String> expected =
        all.stream()
            .filter(s -> s.knownAtTimeMillis() >= liveFrom)
            .map(s -> s.id() + "@" + s.entry() + "/" + s.stop())
            .toList();
    assertThat(all.size()).isGreaterThan(expected.size());
    assertThat(expected).hasSizeGreaterThan(10);
    assertThat(reported)
        .extracting(s -> s.signal().id() + "@" + s.signal().entry() + "/" + s.signal().stop())
        .containsExactlyElementsOf(expected);
    // Each carries the candles up to its signal bar for the chart, at most 240 of them.
    for (ScanSignal s : reported) {
      BarArrays c = s.candles();
      assertThat(c.size()).isBetween(1, SymbolFeed.CHART_BARS);
      assertThat(c.openTimeMillis(c.size() - 1)).isEqualTo(s.signal().signalTimeMillis());
      assertThat(s.key())
          .isEqualTo(ScanSignal.keyOf("SOLUSDT", s.plan().side(), s.plan().signalTime()));
    }
    assertThat(Optional.of(feed.warmedUp())).contains(true);
  }

  @Test
  void shouldMarkASignalFoundWhileCatchingUpStaleWhenLaterCandlesKillItsPoiOrTradeItsEntry() {
    BarArrays bars =
        CandleCsvReader.STRICT
            .withTimeframe(Timeframe.M5)
            .read(SharedData.requireData("bybit-linear/SOLUSDT/5m/SOLUSDT_5m.csv"))
            .bars()
            .slice(0, 8000);
    ContractSpec spec = InferredContractSpec.from("SOLUSDT", bars);
    long liveFrom = bars.closeTimeMillis(2999);
    SymbolFeed feed =
        new SymbolFeed(
            "SOLUSDT",
            spec,
            StrategyConfig.DEFAULT,
            new PlanSizer(SizingParameters.DEFAULT),
            ScanLoopTest.pipeline(),
            ScanLoopTest.paperBrokers().open("SOLUSDT", spec, BrokerListener.NONE),
            key -> false,
            liveFrom);
    assertThat(feed.feed(bars.slice(0, 3000))).isEmpty();

    // Restarts after 5 h outages: each time, the 60 candles missed arrive in one fetch.
    List<PoiDeadEvent> deaths =
        StrategyEngine.run(bars, StrategyConfig.DEFAULT, spec.tickSize().doubleValue())
            .eventsOf(PoiDeadEvent.class);
    int traded = 0;
    int dead = 0;
    int alive = 0;
    for (int from = 3000; from + 60 <= bars.size(); from += 60) {
      int end = from + 60;
      long horizon = bars.closeTimeMillis(end - 1);
      for (ScanSignal s : feed.feed(bars.slice(from - 1, end))) {
        // Expected from the candles and the engine's own POI deaths, independently of the feed.
        long known = s.signal().knownAtTimeMillis();
        long firstTrade = firstTradeThrough(bars.slice(0, end), s);
        long death =
            deaths.stream()
                .filter(d -> d.poi().id().equals(s.plan().poiId()))
                .mapToLong(PoiDeadEvent::knownAtTimeMillis)
                .filter(t -> t > known && t <= horizon)
                .min()
                .orElse(Long.MAX_VALUE);
        if (firstTrade == Long.MAX_VALUE && death == Long.MAX_VALUE) {
          assertThat(s.stale()).as(s.key()).isEmpty();
          alive++;
        } else if (firstTrade <= death) {
          assertThat(s.stale())
              .as(s.key())
              .hasValueSatisfying(
                  st -> {
                    assertThat(st.kind()).isEqualTo(StaleEntry.Kind.ENTRY_TRADED);
                    assertThat(st.at().toEpochMilli()).isEqualTo(firstTrade);
                  });
          traded++;
        } else {
          assertThat(s.stale())
              .as(s.key())
              .hasValueSatisfying(
                  st -> {
                    assertThat(st.kind()).isEqualTo(StaleEntry.Kind.POI_DEAD);
                    assertThat(st.at().toEpochMilli()).isEqualTo(death);
                    assertThat(st.reason()).startsWith("POI died at " + st.at() + ": ");
                  });
          dead++;
        }
      }
    }
    // the real candles cover every case, so the test cannot pass vacuously
    assertThat(traded).isPositive();
    assertThat(dead).isPositive();
    assertThat(alive).isPositive();
  }

  /** The close of the first candle after the signal bar that reached its limit entry. */
  private static long firstTradeThrough(BarArrays bars, ScanSignal s) {
    if (s.plan().entryKind() != EntryKind.LIMIT) {
      return Long.MAX_VALUE;
    }
    for (int j = s.signal().signalIndex() + 1; j < bars.size(); j++) {
      boolean through =
          s.plan().side() == Side.LONG
              ? bars.low(j) <= s.plan().entry()
              : bars.high(j) >= s.plan().entry();
      if (through) {
        return bars.closeTimeMillis(j);
      }
    }
    return Long.MAX_VALUE;
  }
}
