package org.smc4j.live.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.SimulatedBroker;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.pipeline.PipelineSettings;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.PlanSizer;

/** The scan loop's schedule and fetching on simulated time with a recording market. */
class ScanLoopTest {

  private static final long M5 = Timeframe.M5.millis();
  // 2025-01-01T00:00Z
  private static final long T0 = 1_735_689_600_000L;

  /** A replay market that records what the loop asks for and can hold back or fail a symbol. */
  private static final class RecordingMarket implements ScanMarket {
    final ReplayScanMarket inner;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger universeCalls = new AtomicInteger();
    final Map<String, Integer> holdBackBars = new LinkedHashMap<>();
    final Map<String, Integer> failures = new LinkedHashMap<>();

    RecordingMarket(Map<String, BarArrays> bars, SimulatedTime time) {
      Map<String, ContractSpec> specs = new LinkedHashMap<>();
      bars.keySet().forEach(s -> specs.put(s, linearSpec(s)));
      this.inner = new ReplayScanMarket(bars, specs, time);
    }

    volatile boolean emptyUniverse;

    @Override
    public List<String> universe(int topN) {
      universeCalls.incrementAndGet();
      return emptyUniverse ? List.of() : inner.universe(topN);
    }

    @Override
    public ContractSpec spec(String symbol) {
      return inner.spec(symbol);
    }

    @Override
    public synchronized BarArrays latestClosed(String symbol, int count) {
      requests.add(symbol + ":" + count);
      Integer failing = failures.get(symbol);
      if (failing != null && failing > 0) {
        failures.put(symbol, failing - 1);
        throw new IllegalStateException(symbol + ": simulated outage");
      }
      BarArrays b = inner.latestClosed(symbol, count + holdBackBars.getOrDefault(symbol, 0));
      int hold = Math.min(b.size(), holdBackBars.getOrDefault(symbol, 0));
      return b.slice(0, b.size() - hold);
    }

    @Override
    public void close() {}
  }

  private static ContractSpec linearSpec(String symbol) {
    return new ContractSpec(
        symbol,
        ContractType.LINEAR,
        "USDT",
        BigDecimal.ONE,
        BigDecimal.ONE,
        symbol,
        new BigDecimal("0.01"),
        new BigDecimal("0.001"),
        new BigDecimal("0.001"),
        new BigDecimal("1000000"),
        new BigDecimal("1000000"),
        InstrumentState.LIVE);
  }

  /** A seeded random walk of {@code n} 5m bars from T0. */
  private static BarArrays walk(long seed, int n, double start) {
    Random r = new Random(seed);
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double price = start;
    for (int i = 0; i < n; i++) {
      t[i] = T0 + i * M5;
      o[i] = price;
      price = Math.max(1, price + r.nextGaussian() * start * 0.002);
      c[i] = price;
      h[i] = Math.max(o[i], c[i]) + Math.abs(r.nextGaussian()) * start * 0.001;
      l[i] = Math.min(o[i], c[i]) - Math.abs(r.nextGaussian()) * start * 0.001;
      v[i] = 100 + r.nextInt(100);
    }
    return BarArrays.of(Timeframe.M5, t, o, h, l, c, v);
  }

  private static LoopConfig config(int lateRetries) {
    return new LoopConfig(
        10,
        Duration.ofHours(1),
        Duration.ofMillis(500),
        300,
        1,
        Duration.ofSeconds(1),
        lateRetries,
        List.of());
  }

  private static ScanLoop loop(
      LoopConfig config, RecordingMarket market, SimulatedTime time, List<ScanSignal> out) {
    return new ScanLoop(
        config,
        StrategyConfig.DEFAULT,
        new PlanSizer(SizingParameters.DEFAULT),
        pipeline(),
        paperBrokers(),
        market,
        time,
        time,
        null,
        out::add);
  }

  private static Map<String, BarArrays> twoSymbols() {
    Map<String, BarArrays> bars = new LinkedHashMap<>();
    bars.put("AAAUSDT", walk(1, 2000, 100));
    bars.put("BBBUSDT", walk(2, 2000, 5));
    return bars;
  }

  @Test
  void shouldBackfillOnceThenFetchOnlyTheNewestCandles() throws Exception {
    // The first cycle is at the close of bar 999 (1,000 bars visible).
    long first = T0 + 1000 * M5;
    SimulatedTime time = new SimulatedTime(first + 500);
    RecordingMarket market = new RecordingMarket(twoSymbols(), time);
    ScanLoop loop = loop(config(0), market, time, new ArrayList<>());

    for (int k = 0; k < 3; k++) {
      time.advanceTo(first + k * M5 + 500);
      CycleReport r = loop.cycle(first + k * M5);
      assertThat(r.late()).isEmpty();
      assertThat(r.failures()).isEmpty();
    }

    // Ranked by 24h quote volume: AAA (price ~100) before BBB (price ~5).
    assertThat(loop.universe()).containsExactly("AAAUSDT", "BBBUSDT");
    // Warm-up of 300 bars once, then the one new bar and the one before it (overlap), per cycle.
    assertThat(market.requests)
        .containsExactly(
            "AAAUSDT:300", "BBBUSDT:300", "AAAUSDT:2", "BBBUSDT:2", "AAAUSDT:2", "BBBUSDT:2");
  }

  @Test
  void shouldKeepTheLastGoodUniverseAndReportAFailureWhenTheUniverseComesBackEmpty()
      throws Exception {
    long first = T0 + 1000 * M5;
    SimulatedTime time = new SimulatedTime(first + 500);
    RecordingMarket market = new RecordingMarket(twoSymbols(), time);
    ScanLoop loop = loop(config(0), market, time, new ArrayList<>());
    assertThat(loop.cycle(first).failures()).isEmpty();

    market.emptyUniverse = true;
    // past the universe refresh interval, so the next cycle asks again
    long later = first + 13 * M5;
    time.advanceTo(later + 500);
    CycleReport r = loop.cycle(later);

    assertThat(r.failures()).containsExactly("universe: the market's universe gave 0 symbols");
    assertThat(r.symbols()).isEqualTo(2);
    assertThat(loop.universe()).containsExactly("AAAUSDT", "BBBUSDT");
  }

  @Test
  void shouldCatchUpEveryMissedCandleAfterAPause() throws Exception {
    long first = T0 + 1000 * M5;
    SimulatedTime time = new SimulatedTime(first + 500);
    RecordingMarket market = new RecordingMarket(twoSymbols(), time);
    ScanLoop loop = loop(config(0), market, time, new ArrayList<>());
    loop.cycle(first);

    // Seven closes later (the machine slept): the seven new bars and one of overlap.
    time.advanceTo(first + 7 * M5 + 500);
    loop.cycle(first + 7 * M5);

    assertThat(market.requests).endsWith("AAAUSDT:8", "BBBUSDT:8");
  }

  @Test
  void shouldRefreshTheUniverseHourly() throws Exception {
    long first = T0 + 1000 * M5;
    SimulatedTime time = new SimulatedTime(first + 500);
    RecordingMarket market = new RecordingMarket(twoSymbols(), time);
    ScanLoop loop = loop(config(0), market, time, new ArrayList<>());

    // 13 cycles span one hour: ranked at the first and again at the thirteenth.
    for (int k = 0; k < 13; k++) {
      time.advanceTo(first + k * M5 + 500);
      loop.cycle(first + k * M5);
      assertThat(market.universeCalls.get()).isEqualTo(k < 12 ? 1 : 2);
    }
  }

  @Test
  void shouldStartEachCycleAtTheCloseplusTheDelayAndStopWhenAsked() throws Exception {
    long first = T0 + 1000 * M5;
    // Started two minutes after a close: the first cycle is for that close, at once.
    SimulatedTime time = new SimulatedTime(first + 120_000);
    RecordingMarket market = new RecordingMarket(twoSymbols(), time);
    ScanLoop loop = loop(config(0), market, time, new ArrayList<>());
    List<Long> cycleCloses = new ArrayList<>();
    List<Long> startedAt = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();

    loop.run(
        stop::get,
        report -> {
          cycleCloses.add(report.closeTime().toEpochMilli());
          startedAt.add(time.millis());
          if (cycleCloses.size() == 4) {
            stop.set(true);
          }
        });

    assertThat(cycleCloses).containsExactly(first, first + M5, first + 2 * M5, first + 3 * M5);
    assertThat(startedAt)
        .containsExactly(
            first + 120_000, first + M5 + 500, first + 2 * M5 + 500, first + 3 * M5 + 500);
  }

  @Test
  void shouldAskAgainForALateCandleThenReportTheSymbolLate() throws Exception {
    long first = T0 + 1000 * M5;
    SimulatedTime time = new SimulatedTime(first + 500);
    RecordingMarket market = new RecordingMarket(twoSymbols(), time);
    ScanLoop loop = loop(config(2), market, time, new ArrayList<>());
    loop.cycle(first);
    market.requests.clear();

    // BBB's newest candle is not served yet (OKX has not confirmed it).
    market.holdBackBars.put("BBBUSDT", 1);
    time.advanceTo(first + M5 + 500);
    CycleReport r = loop.cycle(first + M5);

    assertThat(r.late()).containsExactly("BBBUSDT");
    assertThat(market.requests).containsExactly("AAAUSDT:2", "BBBUSDT:2", "BBBUSDT:2", "BBBUSDT:2");
    // Two late retries of one second each.
    assertThat(time.millis()).isEqualTo(first + M5 + 500 + 2_000);
  }

  @Test
  void shouldReportAFailingSymbolBesideTheOthersAndRetryItNextCycle() throws Exception {
    long first = T0 + 1000 * M5;
    SimulatedTime time = new SimulatedTime(first + 500);
    RecordingMarket market = new RecordingMarket(twoSymbols(), time);
    market.failures.put("AAAUSDT", 1);
    ScanLoop loop = loop(config(0), market, time, new ArrayList<>());

    CycleReport r = loop.cycle(first);
    assertThat(r.failures()).containsExactly("AAAUSDT: AAAUSDT: simulated outage");
    time.advanceTo(first + M5 + 500);
    CycleReport next = loop.cycle(first + M5);

    assertThat(next.failures()).isEmpty();
    // AAA never warmed up, so it is backfilled in full on the next cycle.
    assertThat(market.requests)
        .containsExactly("AAAUSDT:300", "BBBUSDT:300", "AAAUSDT:300", "BBBUSDT:2");
  }

  /** The backtest's pipeline without guards, journaling nowhere. */
  static TradePipeline pipeline() {
    return new TradePipeline(
        new PipelineSettings(SizingParameters.DEFAULT, Optional.empty(), new BigDecimal("1000")),
        Clock.systemUTC(),
        Journal.NONE);
  }

  /** Paper fills with the backtest's simulated broker and its default models. */
  static PaperBrokers paperBrokers() {
    return (symbol, spec, listener) ->
        new SimulatedBroker(
            symbol,
            spec.tickSize().doubleValue(),
            BrokerModels.DEFAULT,
            Optional.empty(),
            listener);
  }
}
