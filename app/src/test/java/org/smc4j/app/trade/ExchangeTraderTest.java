package org.smc4j.app.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.execution.CrashPoints;
import org.smc4j.exchange.okx.execution.ExecutionSettings;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.execution.ReconciliationLoop;
import org.smc4j.exchange.okx.execution.ReconciliationSchedule;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.okx.fake.FakeOkxServer;
import org.smc4j.okx.fake.FakeOrder;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.broker.CandleBroker;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

/**
 * The loop's OKX brokers against the fake OKX server: a limit entry rests with its bracket, a dying
 * POI cancels it, and so does the limit expiry at the newest candle (never at a warm-up candle).
 */
class ExchangeTraderTest {

  private static final String BTC = "BTC-USDT-SWAP";
  private static final Instant SIGNAL = Instant.parse("2026-03-02T10:05:00Z");

  @TempDir Path dir;

  private final AtomicReference<Instant> now = new AtomicReference<>(SIGNAL.plusSeconds(1));
  private FakeOkxServer server;
  private ExecutionJournal journal;
  private OkxExecutor executor;
  private ExchangeTrader trader;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void start() {
    server =
        FakeOkxServer.start(
            SharedData.requireShared("okx-fixtures"),
            new FakeOkxServer.Account("k-1", "s-1", "p-1", true));
    server.exchange().setLastPrice(BTC, new BigDecimal("70000"));
    OkxClient client =
        OkxClient.create(
            new OkxClientConfig(
                server.baseUri(),
                OkxEnvironment.DEMO,
                Optional.of(OkxCredentials.of("k-1", "s-1", "p-1")),
                Duration.ofSeconds(2),
                OkxClientConfig.DEFAULT_EXP_TIME_WINDOW),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            InstantSource.system(),
            OkxRateLimiter.of(InstantSource.system(), Sleeper.SYSTEM, 1.0));
    List<OkxInstrument> instruments =
        ((OkxResult.Ok<List<OkxInstrument>>) client.instruments("SWAP", "")).value();
    journal = ExecutionJournal.open(dir.resolve("bot.sqlite"));
    InstantSource clock = now::get;
    executor =
        new OkxExecutor(
            client,
            journal,
            ExecutionSettings.defaults(new BigDecimal("5"), 3),
            instruments,
            clock,
            d -> now.updateAndGet(t -> t.plus(d)),
            message -> {},
            CrashPoints.NONE);
    executor.start(
        PreflightSettings.of(
            OkxEnvironment.DEMO,
            server.baseUri(),
            PositionMode.NET,
            MarginMode.CROSS,
            Optional.empty()));
    trader =
        new ExchangeTrader(
            new OkxBroker(executor, Duration.ofMinutes(5)),
            executor,
            new ReconciliationLoop(
                executor, ReconciliationSchedule.DEFAULT, clock, Optional.empty()),
            Optional.of(Duration.ofMinutes(10)),
            "demo",
            new PrintWriter(out, true));
  }

  @AfterEach
  void stop() {
    journal.close();
    server.close();
  }

  private static OrderIntent limitLong(String poiId) {
    return new OrderIntent(
        1,
        poiId,
        BTC,
        Side.LONG,
        EntryKind.LIMIT,
        69900,
        69000,
        71700,
        OptionalDouble.empty(),
        SIGNAL,
        1.44,
        0.16,
        0.01,
        Optional.empty());
  }

  private static String keyOf(OrderIntent intent) {
    return ClientOrderId.signalKey(OkxBroker.signalIdOf(intent));
  }

  private FakeOrder entryOnTheFake(OrderIntent intent) {
    return server.exchange().orders().stream()
        .filter(o -> o.clOrdId().startsWith(keyOf(intent) + "E"))
        .findFirst()
        .orElseThrow();
  }

  /** Three 5m candles, the last one closing at {@code lastClose}. */
  private static BarArrays candlesUpTo(Instant lastClose) {
    long m5 = Timeframe.M5.millis();
    long first = lastClose.toEpochMilli() - 3 * m5;
    double[] p = {70000, 70000, 70000};
    return BarArrays.of(
        Timeframe.M5,
        new long[] {first, first + m5, first + 2 * m5},
        p,
        new double[] {70100, 70100, 70100},
        new double[] {69950, 69950, 69950},
        p,
        new double[] {1, 1, 1});
  }

  @Test
  void aTakenLimitEntryRestsWithItsBracketAndADyingPoiCancelsIt() {
    CandleBroker broker = trader.open(BTC, null, BrokerListener.NONE);
    OrderIntent intent = limitLong("poi-a");

    Submission submission = broker.submit(intent);

    assertThat(submission.accepted()).isTrue();
    assertThat(entryOnTheFake(intent).ordType()).isEqualTo("post_only");
    assertThat(entryOnTheFake(intent).state()).isEqualTo("live");
    assertThat(entryOnTheFake(intent).attachAlgoClOrdId()).startsWith(keyOf(intent));
    assertThat(broker.busyReason(BTC)).isPresent();
    assertThat(broker.cancelPendingForPoi("poi-other", SIGNAL.plusSeconds(300), "MITIGATED"))
        .isFalse();

    boolean cancelled = broker.cancelPendingForPoi("poi-a", SIGNAL.plusSeconds(300), "MITIGATED");

    assertThat(cancelled).isTrue();
    assertThat(entryOnTheFake(intent).state()).isEqualTo("canceled");
    assertThat(journal.trade(keyOf(intent)).orElseThrow().status())
        .isNotEqualTo(TradeStatus.ENTRY_WORKING);
    assertThat(out.toString()).contains("demo: entry cancelled: " + BTC + " POI poi-a: MITIGATED");
    assertThat(broker.busyReason(BTC)).isEmpty();
  }

  @Test
  void theLimitExpiryCountsFromTheSignalCloseAsInTheBacktest() {
    CandleBroker broker = trader.open(BTC, null, BrokerListener.NONE);
    OrderIntent intent = limitLong("poi-c");
    broker.submit(intent);
    assertThat(journal.trade(keyOf(intent)).orElseThrow().createdAt()).isAfter(SIGNAL);
    assertThat(OkxBroker.signalTimeOf(OkxBroker.signalIdOf(intent))).contains(SIGNAL);

    BarArrays before = candlesUpTo(SIGNAL.plus(Duration.ofMinutes(5)));
    broker.onBar(before, before.size() - 1);
    assertThat(entryOnTheFake(intent).state()).isEqualTo("live");

    // the backtest cancels before the bar that opens at signal + 10m trades: so must the bot,
    // although the trade was journaled a second after the signal
    BarArrays atExpiry = candlesUpTo(SIGNAL.plus(Duration.ofMinutes(10)));
    broker.onBar(atExpiry, atExpiry.size() - 1);

    assertThat(entryOnTheFake(intent).state()).isEqualTo("canceled");
  }

  @Test
  void theLimitExpiryCancelsAtTheNewestCandleOnlyOnceItHasPassed() {
    CandleBroker broker = trader.open(BTC, null, BrokerListener.NONE);
    OrderIntent intent = limitLong("poi-b");
    broker.submit(intent);
    Instant created = journal.trade(keyOf(intent)).orElseThrow().createdAt();

    // five minutes on: still resting
    BarArrays early = candlesUpTo(created.plus(Duration.ofMinutes(5)));
    broker.onBar(early, early.size() - 1);
    assertThat(entryOnTheFake(intent).state()).isEqualTo("live");

    // past the expiry, but an older candle of the fetch (warm-up): not acted on
    BarArrays late = candlesUpTo(created.plus(Duration.ofMinutes(20)));
    broker.onBar(late, 0);
    assertThat(entryOnTheFake(intent).state()).isEqualTo("live");

    broker.onBar(late, late.size() - 1);

    assertThat(entryOnTheFake(intent).state()).isEqualTo("canceled");
    assertThat(out.toString())
        .contains("demo: entry cancelled: " + keyOf(intent) + " limit entry expired after PT10M");
  }

  @Test
  void reconciliationRunsWhenDueAndSaysWhenItIsNext() {
    trader.reconcileIfDue();
    Instant next = trader.nextReconciliation();

    assertThat(next).isAfter(now.get());
    assertThat(Duration.between(now.get(), next))
        .isLessThanOrEqualTo(ReconciliationSchedule.DEFAULT.idle());
  }
}
