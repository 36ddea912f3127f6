package org.smc4j.backtest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.signal.OrderType;
import org.smc4j.core.signal.Side;
import org.smc4j.core.signal.TriggerType;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.TickSizeInference;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.TradePlan;

class EntrySignalAdapterTest {

  @Test
  void shouldCarryEverySignalFieldTheJournalAndChartsNeed() {
    Path file = SharedData.requireData("binance-usdm/SOLUSDT/5m/SOLUSDT-5m-2025-02.csv");
    BarArrays bars = CandleCsvReader.STRICT.read(file).bars();
    double tick = TickSizeInference.fromPrices(bars).doubleValue();
    List<EntrySignal> signals = StrategyEngine.run(bars, StrategyConfig.DEFAULT, tick).signals();
    assertThat(signals).extracting(EntrySignal::trigger).contains(TriggerType.MSS, TriggerType.FVG);
    for (EntrySignal s : signals) {
      TradePlan plan = EntrySignalAdapter.toPlan("SOLUSDT", s);
      assertThat(plan.signalId()).isEqualTo(s.id());
      assertThat(plan.poiId()).isEqualTo(s.poi().id());
      assertThat(plan.side().sign()).isEqualTo(s.side().sign());
      assertThat(plan.side()).isEqualTo(s.side().sign() > 0 ? Side.LONG : Side.SHORT);
      assertThat(plan.entryKind())
          .isEqualTo(
              s.orderType() == OrderType.MARKET ? EntryKind.MARKET_NEXT_OPEN : EntryKind.LIMIT);
      assertThat(plan.entry()).isEqualTo(s.entry());
      assertThat(plan.stop()).isEqualTo(s.stop());
      assertThat(plan.target()).isEqualTo(s.target());
      // known at the close of the trigger bar: the earliest fill is the next bar's open
      assertThat(plan.signalTime()).isEqualTo(Instant.ofEpochMilli(s.knownAtTimeMillis()));
      SetupDetails d = plan.details().orElseThrow();
      assertThat(d.trigger()).isEqualTo(s.trigger().name());
      assertThat(d.score()).isEqualTo(s.score().total());
      assertThat(d.scoreParts()).hasSize(s.score().total());
      assertThat(d.poiTop()).isEqualTo(s.poi().top());
      assertThat(d.poiBottom()).isEqualTo(s.poi().bottom());
      assertThat(d.fvgTop()).isEqualTo(s.poi().fvg().top());
      assertThat(d.fvgBottom()).isEqualTo(s.poi().fvg().bottom());
      assertThat(d.fib618()).isEqualTo(s.poi().leg().goldenPrice());
      assertThat(d.breakLevel()).isEqualTo(s.poi().leg().brokenLevel());
      assertThat(d.triggerLevel()).isEqualTo(s.triggerLevel());
      assertThat(d.atr()).isEqualTo(s.atr());
      assertThat(d.fvgTime()).isEqualTo(Instant.ofEpochMilli(s.poi().fvg().originTimeMillis()));
      assertThat(d.tapTime()).isEqualTo(Instant.ofEpochMilli(s.tapTimeMillis()));
      assertThat(d.poiArmedTime()).isEqualTo(Instant.ofEpochMilli(s.poi().armedTimeMillis()));
    }
  }
}
