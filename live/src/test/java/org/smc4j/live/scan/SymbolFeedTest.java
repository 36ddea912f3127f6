package org.smc4j.live.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.broker.BrokerListener;
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
}
