package org.smc4j.cli.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.testing.SharedData;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.okx.fake.FakeAlgo;
import org.smc4j.okx.fake.FakeOkxServer;
import org.smc4j.okx.fake.FakeOrder;
import org.smc4j.okx.fake.FakePosition;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.PlanSizer;
import org.smc4j.trading.plan.Sizing;
import org.smc4j.trading.plan.TradePlan;

/**
 * One fake OKX server and one working folder for running {@code java -jar scanner-cli.jar trade
 * --mode demo} against it: the fake serves real Bybit BTC 5m candles ending at a bar where the
 * strategy makes a sized signal, on a clock set just after that bar's close, and the bot gets the
 * same instant with {@code --now}. Each run is a separate process; the test scripts the fake
 * between runs and reads the fake's state and the bot's journal afterwards.
 */
final class DemoJarFixture implements AutoCloseable {

  static final String BTC = "BTC-USDT-SWAP";
  static final String KEY = "demo-key-9f3c51aa";
  static final String SECRET = "demo-secret-4be07d2c";
  static final String PASSPHRASE = "demo-pass-77e1b0";

  /**
   * A signal the strategy makes on the BTC data.
   *
   * @param index the signal bar
   * @param plan the trade plan
   * @param size its size
   */
  record Signal(int index, TradePlan plan, Sizing.Sized size) {

    /** Returns the signal's key in the execution journal (the client order id prefix). */
    String key() {
      // as OkxBroker.signalIdOf: symbol, POI and signal time
      return ClientOrderId.signalKey(BTC + "|" + plan.poiId() + "|" + plan.signalTime());
    }

    /** Returns the planned size in contracts. */
    BigDecimal contracts() {
      return BigDecimal.valueOf(size.contracts());
    }
  }

  /**
   * The first sized market-entry and limit-entry signals of the BTC data.
   *
   * @param bars the BTC 5m bars
   * @param market the market-entry signal
   * @param limit the limit-entry signal
   */
  record Signals(BarArrays bars, Signal market, Signal limit) {}

  /** The result of one finished jar run. */
  record Run(int exit, String out, String err) {}

  private static Signals signals;

  private final Path dir;
  private final Signals data;
  private final Signal signal;
  private final FakeOkxServer server;

  private DemoJarFixture(Path dir, Signals data, Signal signal, FakeOkxServer server) {
    this.dir = dir;
    this.data = data;
    this.signal = signal;
    this.server = server;
  }

  /** Finds the signals once per test JVM: it runs the strategy over many 1,000-bar windows. */
  static synchronized Signals signals() throws IOException {
    if (signals == null) {
      signals = pickSignals();
    }
    return signals;
  }

  private static Signals pickSignals() throws IOException {
    BarArrays btc =
        CandleCsvReader.STRICT
            .withTimeframe(Timeframe.M5)
            .read(SharedData.requireData("bybit-linear/BTCUSDT/5m/BTCUSDT_5m.csv"))
            .bars();
    String instruments =
        Files.readString(
            SharedData.requireShared("okx-fixtures").resolve("public-instruments-SWAP.json"));
    ContractSpec spec =
        OkxInstrumentMapper.mapResponse(instruments, "fixture").specs().stream()
            .filter(s -> s.instrumentId().equals(BTC))
            .findFirst()
            .orElseThrow();
    PlanSizer sizer = new PlanSizer(SizingParameters.DEFAULT);
    Signal market = null;
    Signal limit = null;
    for (int k = 1200; k < btc.size() - 10 && (market == null || limit == null); k++) {
      Optional<EntrySignal> found = windowSignal(btc, k, spec);
      if (found.isEmpty()) {
        continue;
      }
      TradePlan plan = EntrySignalAdapter.toPlan(BTC, found.get());
      if (!(sizer.size(plan, spec) instanceof Sizing.Sized sized)) {
        continue;
      }
      if (plan.entryKind() == EntryKind.MARKET_NEXT_OPEN && market == null) {
        market = new Signal(k, plan, sized);
      } else if (plan.entryKind() == EntryKind.LIMIT && limit == null) {
        limit = new Signal(k, plan, sized);
      }
    }
    if (market == null || limit == null) {
      throw new IllegalStateException("no sized market and limit signals found in the BTC data");
    }
    return new Signals(btc, market, limit);
  }

  /** The signal the engine makes at bar k's close when run on the 1,000 bars ending at k. */
  private static Optional<EntrySignal> windowSignal(BarArrays btc, int k, ContractSpec spec) {
    BarArrays window = btc.slice(k - 999, k + 1);
    List<EntrySignal> found = new ArrayList<>();
    StrategyEngine engine =
        new StrategyEngine(
            StrategyConfig.DEFAULT,
            spec.tickSize().doubleValue(),
            e -> {
              if (e instanceof EntrySignal s) {
                found.add(s);
              }
            });
    for (int i = 0; i < window.size(); i++) {
      engine.onBar(
          window.openTimeMillis(i),
          window.open(i),
          window.high(i),
          window.low(i),
          window.close(i),
          window.volume(i));
    }
    long close = btc.closeTimeMillis(k);
    return found.stream().filter(s -> s.knownAtTimeMillis() == close).findFirst();
  }

  /**
   * Starts a fake whose clock shows the moment just after the signal bar closed, serving the
   * candles up to that bar, and writes the configuration and the {@code .env} file into {@code
   * dir}.
   *
   * @param dir the bot's working folder
   * @param signal the signal the bot is to see
   * @param demoKey whether the fake's key is a demo key
   * @param tradeYaml extra lines of the {@code trade:} section, each indented by two spaces
   * @return the fixture
   * @throws IOException when the files cannot be written
   */
  static DemoJarFixture start(Path dir, Signal signal, boolean demoKey, String tradeYaml)
      throws IOException {
    Signals data = signals();
    Instant target = Instant.ofEpochMilli(data.bars().closeTimeMillis(signal.index()));
    target = target.plusMillis(1_500);
    Clock shifted = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
    FakeOkxServer server =
        FakeOkxServer.start(
            SharedData.requireShared("okx-fixtures"),
            new FakeOkxServer.Account(KEY, SECRET, PASSPHRASE, demoKey),
            shifted);
    DemoJarFixture fixture = new DemoJarFixture(dir, data, signal, server);
    fixture.serveCandlesUpTo(signal.index());
    fixture.writeFiles(tradeYaml);
    return fixture;
  }

  /** Returns the fake server. */
  FakeOkxServer server() {
    return server;
  }

  /** Returns the signal of this fixture. */
  Signal signal() {
    return signal;
  }

  /** Returns the working folder. */
  Path dir() {
    return dir;
  }

  /**
   * Serves 1,200 bars up to bar {@code last} and the forming bar after it, and sets the last price
   * to that bar's close.
   *
   * @param last the last closed bar
   */
  void serveCandlesUpTo(int last) {
    BarArrays btc = data.bars();
    List<List<String>> rows = new ArrayList<>();
    for (int i = last - 1199; i <= last + 1; i++) {
      rows.add(
          List.of(
              Long.toString(btc.openTimeMillis(i)),
              Double.toString(btc.open(i)),
              Double.toString(btc.high(i)),
              Double.toString(btc.low(i)),
              Double.toString(btc.close(i)),
              Double.toString(btc.volume(i)),
              Double.toString(btc.volume(i)),
              Double.toString(btc.volume(i) * btc.close(i)),
              i <= last ? "1" : "0"));
    }
    server.setCandles(BTC, rows);
    server.exchange().setLastPrice(BTC, BigDecimal.valueOf(btc.close(last)));
  }

  private void writeFiles(String tradeYaml) throws IOException {
    Files.writeString(
        dir.resolve("smc4j.yaml"),
        """
        okx:
          request-timeout: 2s
          max-attempts: 3
          initial-backoff: 20ms
          max-backoff: 100ms
        scan:
          symbols: [BTC-USDT-SWAP]
          close-delay: 0s
          late-retries: 0
        backtest: {limit-expiry: 10m}
        output: {data-dir: '%s'}
        logging: {file: logs/trade.log, level: debug}
        trade:
          mode: paper
          reconcile: {unsettled: 1s, positions-open: 1s, idle: 1s}
        %s"""
            .formatted(dir.toAbsolutePath(), tradeYaml));
    Files.writeString(
        dir.resolve(".env"),
        "OKX_API_KEY="
            + KEY
            + "\nOKX_API_SECRET="
            + SECRET
            + "\nOKX_API_PASSPHRASE="
            + PASSPHRASE
            + "\n");
  }

  /**
   * Runs {@code trade --mode demo --once} to its end, at the fake's current time.
   *
   * @param name the run's name (its output files are {@code name.out} and {@code name.err})
   * @param jvmArgs JVM options, e.g. a crash point
   * @return the finished run
   * @throws Exception when the process cannot be started or is interrupted
   */
  Run once(String name, String... jvmArgs) throws Exception {
    return once(name, server.now(), jvmArgs);
  }

  /**
   * Runs {@code trade --mode demo --once} to its end.
   *
   * @param name the run's name
   * @param now the bot's clock ({@code --now})
   * @param jvmArgs JVM options
   * @return the finished run
   * @throws Exception when the process cannot be started or is interrupted
   */
  Run once(String name, Instant now, String... jvmArgs) throws Exception {
    Process p = launch(name, now, true, jvmArgs);
    Path out = dir.resolve(name + ".out");
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
      throw new AssertionError(name + " did not finish within 120 s: " + Files.readString(out));
    }
    return new Run(
        p.exitValue(), Files.readString(out), Files.readString(dir.resolve(name + ".err")));
  }

  /**
   * Starts {@code trade --mode demo} as a running bot (no {@code --once}), at the fake's current
   * time; the caller ends it.
   *
   * @param name the run's name (its output files are {@code name.out} and {@code name.err})
   * @return the process
   * @throws IOException when the process cannot be started
   */
  Process startRunning(String name) throws IOException {
    return launch(name, server.now(), false);
  }

  private Process launch(String name, Instant now, boolean once, String... jvmArgs)
      throws IOException {
    Path jar = Path.of(System.getProperty("smc4j.cli.jar", "target/scanner-cli.jar"));
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(
        List.of(
            "-jar",
            jar.toAbsolutePath().toString(),
            "trade",
            "--mode",
            "demo",
            "--config",
            dir.resolve("smc4j.yaml").toString(),
            "--okx-url",
            server.baseUri().toString(),
            "--journal",
            journalFile().toString(),
            "--now",
            now.toString()));
    if (once) {
      cmd.add("--once");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("OKX_") || k.startsWith("SMC4J_"));
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    pb.redirectError(dir.resolve(name + ".err").toFile());
    return pb.start();
  }

  /** Returns the bot's journal file. */
  Path journalFile() {
    return dir.resolve("bot.sqlite");
  }

  /** Opens the bot's journal (the bot process must have ended). */
  ExecutionJournal journal() {
    return ExecutionJournal.open(journalFile());
  }

  /** Returns the fake's orders whose client id starts with {@code prefix}, oldest first. */
  List<FakeOrder> orders(String prefix) {
    return server.exchange().orders().stream().filter(o -> o.clOrdId().startsWith(prefix)).toList();
  }

  /** Returns the fake's live BTC algo orders. */
  List<FakeAlgo> liveAlgos() {
    return server.exchange().algos().stream()
        .filter(a -> a.instId().equals(BTC) && a.state().equals("live"))
        .toList();
  }

  /** Returns the fake's signed BTC position in contracts. */
  BigDecimal position() {
    return server.exchange().positions().stream()
        .filter(p -> p.instId().equals(BTC))
        .map(FakePosition::pos)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Asserts that the signal made no duplicate exposure on the fake: at most one of its entry orders
   * has fills, the position is at most the planned size, and an open position is covered by live
   * stops of exactly its size (no stop is left when flat).
   */
  void assertNoDuplicateExposure() {
    String key = signal.key();
    assertThat(orders(key + "E"))
        .as("entry orders of %s with fills", key)
        .filteredOn(o -> o.accFillSz().signum() > 0)
        .hasSizeLessThanOrEqualTo(1);
    BigDecimal held = position().abs();
    assertThat(held).as("position of %s", BTC).isLessThanOrEqualTo(signal.contracts());
    BigDecimal stops =
        liveAlgos().stream().map(FakeAlgo::sz).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(stops).as("live stop coverage of a %s position", held).isEqualByComparingTo(held);
  }

  @Override
  public void close() {
    server.close();
  }
}
