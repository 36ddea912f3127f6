package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.okx.fake.FakeAlgo;
import org.smc4j.okx.fake.FakeOkxServer;
import org.smc4j.okx.fake.FakeOrder;
import org.smc4j.okx.fake.FakePosition;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.order.EntryKind;

/**
 * A fake OKX server, a client, an execution journal and an executor on simulated time: every wait
 * of the executor advances the manual clock instead of sleeping.
 */
final class ExecutorHarness implements AutoCloseable {

  static final String KEY = "bot-key-51c2";
  static final String SECRET = "bot-secret-7e9d";
  static final String PASSPHRASE = "bot-pass-3a8f";
  static final String BTC_ID = "BTC-USDT-SWAP";
  static final String ETH_ID = "ETH-USDT-SWAP";

  /** BTC-USDT-SWAP as in okx-fixtures/public-instruments-SWAP.json. */
  static final OkxInstrument BTC =
      new OkxInstrument(
          BTC_ID,
          "SWAP",
          "linear",
          new BigDecimal("0.01"),
          BigDecimal.ONE,
          "BTC",
          "USDT",
          new BigDecimal("0.1"),
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("100000000"),
          new BigDecimal("12000"),
          "live");

  /** ETH-USDT-SWAP as in okx-fixtures/public-instruments-SWAP.json. */
  static final OkxInstrument ETH =
      new OkxInstrument(
          ETH_ID,
          "SWAP",
          "linear",
          new BigDecimal("0.1"),
          BigDecimal.ONE,
          "ETH",
          "USDT",
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("100000000"),
          new BigDecimal("20000"),
          "live");

  final FakeOkxServer server;
  final OkxClient client;
  final Path journalFile;
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  final InstantSource clock = now::get;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final List<String> alerts = new CopyOnWriteArrayList<>();
  ExecutionSettings settings = ExecutionSettings.defaults(new BigDecimal("5"), 5);
  CrashPoints crashPoints = CrashPoints.NONE;

  /** Runs on every wait of the executor, before the clock moves (the world moving meanwhile). */
  Runnable duringSleep = () -> {};

  ExecutionJournal journal;
  OkxExecutor executor;

  private ExecutorHarness(FakeOkxServer server, OkxClient client, Path journalFile) {
    this.server = server;
    this.client = client;
    this.journalFile = journalFile;
  }

  static Path fixtures() {
    Path dir = Path.of(System.getProperty("smc4j.shared.dir", "../shared")).resolve("okx-fixtures");
    assumeTrue(Files.isDirectory(dir), "okx-fixtures not found at " + dir.toAbsolutePath());
    return dir;
  }

  /** A demo fake server and a demo client with the right key. */
  static ExecutorHarness start(Path dir) {
    return start(dir, true, OkxEnvironment.DEMO);
  }

  static ExecutorHarness start(Path dir, boolean serverDemo, OkxEnvironment clientEnvironment) {
    FakeOkxServer server =
        FakeOkxServer.start(
            fixtures(), new FakeOkxServer.Account(KEY, SECRET, PASSPHRASE, serverDemo));
    OkxClientConfig config =
        new OkxClientConfig(
            server.baseUri(),
            clientEnvironment,
            Optional.of(OkxCredentials.of(KEY, SECRET, PASSPHRASE)),
            Duration.ofSeconds(2),
            OkxClientConfig.DEFAULT_EXP_TIME_WINDOW);
    OkxClient client =
        OkxClient.create(
            config,
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            InstantSource.system(),
            OkxRateLimiter.of(InstantSource.system(), Sleeper.SYSTEM, 1.0));
    server.exchange().setLastPrice(BTC_ID, new BigDecimal("70000"));
    server.exchange().setLastPrice(ETH_ID, new BigDecimal("3500"));
    return new ExecutorHarness(server, client, dir.resolve("bot.sqlite"));
  }

  /** Builds an executor on the journal file (opening it when needed), without starting it. */
  OkxExecutor newExecutor() {
    if (journal == null) {
      journal = ExecutionJournal.open(journalFile);
    }
    Sleeper sleeper =
        duration -> {
          sleeps.add(duration);
          duringSleep.run();
          now.updateAndGet(t -> t.plus(duration));
        };
    executor =
        new OkxExecutor(
            client, journal, settings, List.of(BTC, ETH), clock, sleeper, alerts::add, crashPoints);
    return executor;
  }

  /** Builds and starts an executor. */
  OkxExecutor startExecutor() {
    newExecutor().start(preflight());
    return executor;
  }

  /** Simulates a crash and a restart: the journal is closed and reopened, the executor rebuilt. */
  OkxExecutor restart() {
    journal.close();
    journal = null;
    crashPoints = CrashPoints.NONE;
    return startExecutor();
  }

  PreflightSettings preflight() {
    return PreflightSettings.of(
        OkxEnvironment.DEMO,
        server.baseUri(),
        PositionMode.NET,
        MarginMode.CROSS,
        Optional.empty());
  }

  /** A long BTC market entry: 0.13 contracts at 70000, stop 69000, target 72000 (risk 1.3). */
  EntryRequest marketLong(String signalId) {
    return new EntryRequest(
        signalId,
        BTC_ID,
        Side.LONG,
        EntryKind.MARKET_NEXT_OPEN,
        new BigDecimal("70000"),
        new BigDecimal("69000"),
        new BigDecimal("72000"),
        new BigDecimal("0.13"),
        new BigDecimal("1.3"),
        now.get().plusSeconds(60));
  }

  /** A long BTC post-only entry: 0.16 contracts at 69900, stop 69000, target 71700 (risk 1.44). */
  EntryRequest limitLong(String signalId) {
    return new EntryRequest(
        signalId,
        BTC_ID,
        Side.LONG,
        EntryKind.LIMIT,
        new BigDecimal("69900"),
        new BigDecimal("69000"),
        new BigDecimal("71700"),
        new BigDecimal("0.16"),
        new BigDecimal("1.44"),
        now.get().plusSeconds(300));
  }

  List<FakeOrder> ordersWithPrefix(String prefix) {
    return server.exchange().orders().stream().filter(o -> o.clOrdId().startsWith(prefix)).toList();
  }

  List<FakeAlgo> liveAlgos(String instId) {
    return server.exchange().algos().stream()
        .filter(a -> a.instId().equals(instId) && a.state().equals("live"))
        .toList();
  }

  BigDecimal position(String instId) {
    return server.exchange().positions().stream()
        .filter(p -> p.instId().equals(instId))
        .map(FakePosition::pos)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Asserts that no duplicate exposure exists: at most one entry order of the signal got fills, the
   * position is at most the planned size, and the live stops of the symbol cover at most the
   * position (never two stops for one position).
   */
  void assertNoDuplicateExposure(String signalKey, String instId, BigDecimal planned) {
    List<FakeOrder> filledEntries = new ArrayList<>();
    for (FakeOrder order : ordersWithPrefix(signalKey + "E")) {
      if (order.accFillSz().signum() > 0) {
        filledEntries.add(order);
      }
    }
    assertThat(filledEntries)
        .as("entry orders of %s with fills", signalKey)
        .hasSizeLessThanOrEqualTo(1);
    assertThat(position(instId).abs()).as("position of %s", instId).isLessThanOrEqualTo(planned);
    BigDecimal stops =
        liveAlgos(instId).stream().map(FakeAlgo::sz).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(stops)
        .as("live stop coverage of %s", instId)
        .isLessThanOrEqualTo(position(instId).abs());
  }

  @Override
  public void close() {
    if (journal != null) {
      journal.close();
    }
    server.close();
  }
}
