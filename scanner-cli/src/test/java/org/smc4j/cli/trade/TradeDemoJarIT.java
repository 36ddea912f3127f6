package org.smc4j.cli.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.testing.SharedData;
import org.smc4j.exchange.okx.execution.CrashPoints;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.okx.fake.FakeAlgo;
import org.smc4j.okx.fake.FakeOkxServer;
import org.smc4j.okx.fake.FakeOrder;
import org.smc4j.okx.fake.FakePosition;
import org.smc4j.okx.fake.Fault;
import org.smc4j.okx.fake.ReceivedRequest;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.execution.TradingEnvironment;
import org.smc4j.trading.journal.JournalException;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.PlanSizer;
import org.smc4j.trading.plan.Sizing;
import org.smc4j.trading.plan.TradePlan;

/**
 * {@code java -jar scanner-cli.jar trade --mode demo|live} as a separate process against the fake
 * OKX server on 127.0.0.1, which serves both the market data of the live candle loop (real Bybit
 * BTC 5m candles, paged as OKX pages them) and the signed private endpoints. The candles end at a
 * bar where the strategy, run on the same 1,000-bar window, makes a sized market-entry signal; the
 * bot runs on a clock set to just after that close ({@code --now}, the fake's clock shifted alike),
 * so the signal is new and valid.
 */
class TradeDemoJarIT {

  private static final String BTC = "BTC-USDT-SWAP";
  private static final String KEY = "demo-key-9f3c51aa";
  private static final String SECRET = "demo-secret-4be07d2c";
  private static final String PASSPHRASE = "demo-pass-77e1b0";

  private static BarArrays btc;
  private static ContractSpec btcSpec;
  private static int signalIndex;
  private static TradePlan expected;
  private static Sizing.Sized expectedSize;
  private static int limitIndex;
  private static TradePlan limitPlan;

  @TempDir Path dir;

  private FakeOkxServer server;
  private Process bot;
  private boolean secretsInEnvironment;

  @BeforeAll
  static void pickSignal() throws IOException {
    btc =
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
    btcSpec = spec;
    PlanSizer sizer = new PlanSizer(SizingParameters.DEFAULT);
    for (int k = 1200; k < btc.size() - 10 && (expected == null || limitPlan == null); k++) {
      Optional<EntrySignal> signal = windowSignal(k, spec);
      if (signal.isEmpty()) {
        continue;
      }
      TradePlan plan = EntrySignalAdapter.toPlan(BTC, signal.get());
      if (!(sizer.size(plan, spec) instanceof Sizing.Sized sized)) {
        continue;
      }
      if (plan.entryKind() == EntryKind.MARKET_NEXT_OPEN && expected == null) {
        signalIndex = k;
        expected = plan;
        expectedSize = sized;
      } else if (plan.entryKind() == EntryKind.LIMIT && limitPlan == null) {
        limitIndex = k;
        limitPlan = plan;
      }
    }
    if (expected == null || limitPlan == null) {
      throw new IllegalStateException("no sized market and limit signals found in the BTC data");
    }
  }

  /** The signal the engine makes at bar k's close when run on the 1,000 bars ending at k. */
  private static Optional<EntrySignal> windowSignal(int k, ContractSpec spec) {
    BarArrays window = btc.slice(k - 999, k + 1);
    List<EntrySignal> signals = new ArrayList<>();
    StrategyEngine engine =
        new StrategyEngine(
            StrategyConfig.DEFAULT,
            spec.tickSize().doubleValue(),
            e -> {
              if (e instanceof EntrySignal s) {
                signals.add(s);
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
    return signals.stream().filter(s -> s.knownAtTimeMillis() == close).findFirst();
  }

  /** The market signal's key in the execution journal (the client order id prefix). */
  private static String tradeKey() {
    return keyOf(expected);
  }

  private static String keyOf(TradePlan plan) {
    // as OkxBroker.signalIdOf: symbol, POI and signal time
    return ClientOrderId.signalKey(BTC + "|" + plan.poiId() + "|" + plan.signalTime().toString());
  }

  private void startServer(boolean demoKey) {
    startServer(demoKey, signalIndex);
  }

  private void startServer(boolean demoKey, int index) {
    // The fake's clock shows the moment just after the signal bar closed; the bot gets the same
    // instant with --now, so signatures, expTime and the signal's validity agree.
    Instant target = Instant.ofEpochMilli(btc.closeTimeMillis(index)).plusMillis(1_500);
    Clock shifted = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
    server =
        FakeOkxServer.start(
            SharedData.requireShared("okx-fixtures"),
            new FakeOkxServer.Account(KEY, SECRET, PASSPHRASE, demoKey),
            shifted);
    serveCandlesUpTo(index);
    server.exchange().setLastPrice(BTC, BigDecimal.valueOf(btc.close(index)));
  }

  /** Serves 1,200 bars up to bar {@code last}, and the forming bar after it. */
  private void serveCandlesUpTo(int last) {
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
              // the bar after the signal bar is still forming
              i <= signalIndex ? "1" : "0"));
    }
    server.setCandles(BTC, rows);
    server.exchange().setLastPrice(BTC, BigDecimal.valueOf(btc.close(signalIndex)));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (bot != null && bot.isAlive()) {
      bot.destroyForcibly();
      bot.waitFor(20, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  private Path config(String tradeMode) throws IOException {
    return config(tradeMode, "12h");
  }

  private Path config(String tradeMode, String limitExpiry) throws IOException {
    Path file = dir.resolve("smc4j.yaml");
    Files.writeString(
        file,
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
        backtest: {limit-expiry: %s}
        output: {data-dir: '%s'}
        logging: {file: logs/trade.log, level: debug}
        trade:
          mode: %s
          reconcile: {unsettled: 1s, positions-open: 1s, idle: 1s}
        """
            .formatted(limitExpiry, dir.toAbsolutePath(), tradeMode));
    return file;
  }

  /** The secrets in a .env file in the working directory, as the README shows. */
  private void writeDotEnv() throws IOException {
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

  private Process start(String name, List<String> jvmArgs, String... args) throws IOException {
    Path jar = Path.of(System.getProperty("smc4j.cli.jar", "target/scanner-cli.jar"));
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("OKX_") || k.startsWith("SMC4J_"));
    if (secretsInEnvironment) {
      pb.environment().put("OKX_API_KEY", KEY);
      pb.environment().put("OKX_API_SECRET", SECRET);
      pb.environment().put("OKX_API_PASSPHRASE", PASSPHRASE);
    }
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    pb.redirectError(dir.resolve(name + ".err").toFile());
    return pb.start();
  }

  /** The result of one finished jar run. */
  record Run(int exit, String out, String err) {}

  private Run runToEnd(String name, List<String> jvmArgs, String... args) throws Exception {
    Process p = start(name, jvmArgs, args);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(name + " finishes").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve(name + ".out")),
        Files.readString(dir.resolve(name + ".err")));
  }

  private List<String> tradeArgs(String mode, boolean once) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "trade",
                "--mode",
                mode,
                "--config",
                dir.resolve("smc4j.yaml").toString(),
                "--okx-url",
                server.baseUri().toString(),
                "--journal",
                dir.resolve("bot.sqlite").toString(),
                "--now",
                server.now().toString()));
    if (once) {
      args.add("--once");
    }
    return args;
  }

  private List<FakeOrder> entries() {
    return server.exchange().orders().stream()
        .filter(o -> o.clOrdId().startsWith(tradeKey() + "E"))
        .toList();
  }

  private BigDecimal position() {
    return server.exchange().positions().stream()
        .filter(p -> p.instId().equals(BTC))
        .map(FakePosition::pos)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private List<FakeAlgo> liveAlgos() {
    return server.exchange().algos().stream()
        .filter(a -> a.instId().equals(BTC) && a.state().equals("live"))
        .toList();
  }

  private static void waitFor(String what, Duration timeout, BooleanSupplier ok)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ok.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within " + timeout).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private String read(String file) {
    try {
      Path p = dir.resolve(file);
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one market entry is filled on the fake, its stop and target attached and live. */
  private void assertEnteredAndProtected() {
    List<FakeOrder> entries = entries();
    assertThat(entries).as("entry orders of the signal").hasSize(1);
    FakeOrder entry = entries.get(0);
    assertThat(entry.ordType()).isEqualTo("market");
    assertThat(entry.side()).isEqualTo(expected.side().name().equals("LONG") ? "buy" : "sell");
    assertThat(entry.state()).isEqualTo("filled");
    assertThat(entry.tag()).isEqualTo(ClientOrderId.TAG);
    BigDecimal contracts = BigDecimal.valueOf(expectedSize.contracts());
    assertThat(entry.accFillSz()).isEqualByComparingTo(contracts);
    assertThat(position().abs()).isEqualByComparingTo(contracts);
    List<FakeAlgo> algos = liveAlgos();
    assertThat(algos).as("live stops of the position").hasSize(1);
    FakeAlgo stop = algos.get(0);
    assertThat(stop.algoClOrdId()).startsWith(tradeKey());
    assertThat(stop.sz()).isEqualByComparingTo(contracts);
    assertThat(stop.slTriggerPx().doubleValue()).isCloseTo(expected.stop(), within(0.11));
    assertThat(stop.tpTriggerPx().doubleValue()).isCloseTo(expected.target(), within(0.11));
  }

  private static Offset<Double> within(double v) {
    return Offset.offset(v);
  }

  @Test
  void demoSessionEntersWithStopAndTargetShowsStatusAndStopLevel3Flattens() throws Exception {
    startServer(true);
    config("paper");
    writeDotEnv();

    bot = start("bot", List.of(), tradeArgs("demo", false).toArray(String[]::new));
    waitFor("the first cycle", Duration.ofSeconds(90), () -> read("bot.out").contains("cycle "));
    assertThat(bot.isAlive()).as(read("bot.err")).isTrue();

    String out = read("bot.out");
    assertThat(out)
        .contains("DEMO trading on " + server.baseUri() + " with header x-simulated-trading: 1")
        .contains("demo: pre-flight passed")
        .contains("trade " + tradeKey() + " OPEN_PROTECTED");
    // published as scan publishes it: the signal line and the JSON-lines row, once
    assertThat(out.lines().filter(l -> l.startsWith("SIGNAL ") && l.contains(BTC))).hasSize(1);
    assertThat(Files.readAllLines(dir.resolve("bot-signals.jsonl")))
        .filteredOn(l -> l.contains(BTC))
        .hasSize(1)
        .allMatch(l -> l.contains(expected.signalTime().toString()));
    assertEnteredAndProtected();
    assertThat(server.requests("POST", "/api/v5/trade/order"))
        .allMatch(r -> "1".equals(r.headers().get("x-simulated-trading")));

    Run status =
        runToEnd(
            "status",
            List.of(),
            "trade",
            "status",
            "--journal",
            dir.resolve("bot.sqlite").toString());
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out()).contains("(demo)").contains(tradeKey()).contains("OPEN_PROTECTED");

    Run stop =
        runToEnd(
            "stop",
            List.of(),
            "trade",
            "stop",
            "--level",
            "3",
            "--journal",
            dir.resolve("bot.sqlite").toString());
    assertThat(stop.exit()).as(stop.err()).isZero();

    // the running bot applies it at its next reconciliation (every second here)
    waitFor("flat after level 3", Duration.ofSeconds(30), () -> position().signum() == 0);
    waitFor(
        "the kill switch alert",
        Duration.ofSeconds(30),
        () -> read("bot.out").contains("ALERT kill switch level 3 found in the journal"));
    waitFor("the trade journaled closed", Duration.ofSeconds(30), this::tradeClosed);
    assertThat(liveAlgos()).as("no stop left without a position").isEmpty();
    bot.destroy();
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();

    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("bot.sqlite"))) {
      assertThat(journal.environment()).contains(TradingEnvironment.DEMO);
      assertThat(journal.killSwitchLevel()).isEqualTo(3);
      TradeRecord trade = journal.trade(tradeKey()).orElseThrow();
      assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
      assertThat(journal.tradeHistory(tradeKey()))
          .contains(TradeStatus.OPEN_PROTECTED, TradeStatus.CLOSED);
      assertThat(journal.fills()).extracting(f -> f.tradeKey()).contains(tradeKey());
    }
    Run after =
        runToEnd(
            "status2",
            List.of(),
            "trade",
            "status",
            "--journal",
            dir.resolve("bot.sqlite").toString());
    assertThat(after.out()).contains("kill switch: level 3");

    assertNoSecretAnywhere();
  }

  private boolean tradeClosed() {
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("bot.sqlite"))) {
      return journal.trade(tradeKey()).map(t -> t.status() == TradeStatus.CLOSED).orElse(false);
    } catch (JournalException e) {
      // the bot holds the write lock right now: ask again
      return false;
    }
  }

  /** Every output, log and journal file of the test folder, the .env file itself excepted. */
  private void assertNoSecretAnywhere() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals(".env"))
              .toList();
    }
    assertThat(files)
        .as("outputs, logs and journals were written")
        .anyMatch(p -> p.toString().endsWith(".log"))
        .anyMatch(p -> p.toString().endsWith("bot.sqlite"))
        .anyMatch(p -> p.toString().endsWith(".out"));
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : List.of(KEY, SECRET, PASSPHRASE)) {
        assertThat(text).as(file + " must not hold a secret").doesNotContain(secret);
      }
    }
  }

  @Test
  void refusesToStartWhenThePositionModeIsNotNet() throws Exception {
    startServer(true);
    server.exchange().setAccount("long_short_mode", "2", "read_only,trade");
    config("paper");
    secretsInEnvironment = true;

    Run run = runToEnd("bot", List.of(), tradeArgs("demo", true).toArray(String[]::new));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("error: refusing to start").contains("long_short_mode");
    assertThat(server.requests("POST", "/api/v5/trade/order")).isEmpty();
    assertThat(server.requests("POST", "/api/v5/trade/order-algo")).isEmpty();
    // the key came from the environment this time: still in no output, log or journal
    assertThat(server.requests().stream().filter(r -> r.header("OK-ACCESS-KEY").isPresent()))
        .isNotEmpty()
        .allMatch(r -> r.header("OK-ACCESS-KEY").orElseThrow().equals(KEY));
    assertNoSecretAnywhere();
  }

  @Test
  void refusesToStartWithoutTradePermission() throws Exception {
    startServer(true);
    server.exchange().setAccount("net_mode", "2", "read_only");
    config("paper");
    secretsInEnvironment = true;

    Run run = runToEnd("bot", List.of(), tradeArgs("demo", true).toArray(String[]::new));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("error: refusing to start").contains("trade");
    assertThat(server.requests("POST", "/api/v5/trade/order")).isEmpty();
  }

  @Test
  void refusesLiveWithoutTheConfigGateBeforeAnyRequest() throws Exception {
    startServer(false);
    config("demo");
    writeDotEnv();

    Run run = runToEnd("bot", List.of(), tradeArgs("live", true).toArray(String[]::new));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "--mode live is refused: the configuration must say trade.mode: live (it says demo)");
    assertThat(server.requests()).isEmpty();
    assertThat(dir.resolve("bot.sqlite")).doesNotExist();
  }

  @Test
  void refusesLiveOnAJournalMadeInDemoEvenWithTheGate() throws Exception {
    startServer(false);
    config("live");
    secretsInEnvironment = true;
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("bot.sqlite"))) {
      journal.bindEnvironment(TradingEnvironment.DEMO);
    }

    Run run = runToEnd("bot", List.of(), tradeArgs("live", true).toArray(String[]::new));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("error: refusing to start").containsIgnoringCase("demo");
    assertThat(server.requests("POST", "/api/v5/trade/order")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        CrashPoints.INTENT_COMMITTED,
        CrashPoints.ENTRY_ANSWERED,
        CrashPoints.ENTRY_FILLED,
        CrashPoints.PROTECTION_COMMITTED
      })
  void crashAtAnExecutionPointAndRestartLeavesOneProtectedEntry(String point) throws Exception {
    startServer(true);
    config("paper");
    writeDotEnv();
    if (point.equals(CrashPoints.PROTECTION_COMMITTED)) {
      // the attached stop is not created, so the bot must place its own protective stop
      server.faults().add("POST", "/api/v5/trade/order", new Fault.AttachedAlgoFails("51020"));
    }

    Run crashed =
        runToEnd(
            "crash",
            List.of("-Dsmc4j.test.crashAt=" + point),
            tradeArgs("demo", true).toArray(String[]::new));
    assertThat(crashed.exit()).as("halted at " + point + ": " + crashed.err()).isEqualTo(86);

    Run restarted = runToEnd("restart", List.of(), tradeArgs("demo", true).toArray(String[]::new));
    assertThat(restarted.exit()).as(restarted.out() + restarted.err()).isZero();

    assertEnteredAndProtected();
    // no duplicate order: the entry left the process once, whichever run sent it
    List<ReceivedRequest> sent = server.requests("POST", "/api/v5/trade/order");
    assertThat(sent).as("entry requests").hasSize(1);
    // no position without a stop past the deadline: the stop that covers the position now was
    // attached to the entry, or placed within trade.unprotected-deadline (10 s) of it
    List<ReceivedRequest> protections = server.requests("POST", "/api/v5/trade/order-algo");
    if (point.equals(CrashPoints.PROTECTION_COMMITTED)) {
      assertThat(protections).as("protective stop requests").isNotEmpty();
      Duration unprotected =
          Duration.between(sent.get(0).serverTime(), protections.getLast().serverTime());
      assertThat(unprotected).isLessThan(Duration.ofSeconds(10));
    } else {
      assertThat(protections).as("the attached stop sufficed").isEmpty();
    }
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("bot.sqlite"))) {
      TradeRecord trade = journal.trade(tradeKey()).orElseThrow();
      assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
      assertThat(trade.filledSz())
          .isEqualByComparingTo(BigDecimal.valueOf(expectedSize.contracts()));
      List<OrderRecord> orders = journal.ordersOf(tradeKey());
      // every order the fake holds for this signal is journaled, and no order is left unresolved
      for (FakeOrder o : entries()) {
        assertThat(orders).extracting(OrderRecord::clOrdId).contains(o.clOrdId());
      }
      for (FakeAlgo a : liveAlgos()) {
        assertThat(orders).extracting(OrderRecord::clOrdId).contains(a.algoClOrdId());
      }
      assertThat(orders).noneMatch(o -> o.status() == OrderStatus.PENDING_SUBMIT);
      assertThat(orders).noneMatch(o -> o.status() == OrderStatus.SUBMITTED_UNKNOWN);
      assertThat(journal.fills()).extracting(f -> f.tradeKey()).contains(tradeKey());
      assertThat(journal.tradeHistory(tradeKey())).doesNotContain(TradeStatus.CLOSED);
    }
  }

  @Test
  void crashWhileFlatteningAtLevel3AndRestartEndsFlatWithOneCloseOrder() throws Exception {
    startServer(true);
    config("paper");
    writeDotEnv();
    bot =
        start(
            "bot",
            List.of("-Dsmc4j.test.crashAt=" + CrashPoints.CLOSE_COMMITTED),
            tradeArgs("demo", false).toArray(String[]::new));
    waitFor("the first cycle", Duration.ofSeconds(90), () -> read("bot.out").contains("cycle "));
    assertEnteredAndProtected();

    Run stop =
        runToEnd(
            "stop",
            List.of(),
            "trade",
            "stop",
            "--level",
            "3",
            "--journal",
            dir.resolve("bot.sqlite").toString());
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("halts while closing").isTrue();
    assertThat(bot.exitValue()).as(read("bot.err")).isEqualTo(86);
    assertThat(position().signum()).as("the close never left the process").isNotZero();

    Run restarted = runToEnd("restart", List.of(), tradeArgs("demo", true).toArray(String[]::new));

    assertThat(restarted.exit()).as(restarted.out() + restarted.err()).isZero();
    assertThat(position().signum()).as("flat after the restart").isZero();
    assertThat(liveAlgos()).isEmpty();
    List<FakeOrder> closes =
        server.exchange().orders().stream()
            .filter(o -> o.clOrdId().startsWith(tradeKey() + "X"))
            .toList();
    assertThat(closes).as("close orders").hasSize(1);
    assertThat(closes.get(0).reduceOnly()).isTrue();
    assertThat(entries()).hasSize(1);
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("bot.sqlite"))) {
      assertThat(journal.trade(tradeKey()).orElseThrow().status()).isEqualTo(TradeStatus.CLOSED);
      assertThat(journal.killSwitchLevel()).isEqualTo(3);
      assertThat(journal.ordersOf(tradeKey()))
          .extracting(OrderRecord::clOrdId)
          .contains(closes.get(0).clOrdId());
    }
  }

  @Test
  void aLimitEntryRestsPostOnlyWithItsBracketAndIsCancelledByLimitExpiry() throws Exception {
    startServer(true, limitIndex);
    config("paper", "10m");
    writeDotEnv();
    String key = keyOf(limitPlan);

    Run first = runToEnd("first", List.of(), tradeArgs("demo", true).toArray(String[]::new));

    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    List<FakeOrder> entries =
        server.exchange().orders().stream().filter(o -> o.clOrdId().startsWith(key + "E")).toList();
    assertThat(entries).hasSize(1);
    FakeOrder entry = entries.get(0);
    assertThat(entry.ordType()).isEqualTo("post_only");
    assertThat(entry.state()).isEqualTo("live");
    assertThat(entry.px().doubleValue()).isCloseTo(limitPlan.entry(), within(0.11));
    assertThat(entry.attachAlgoClOrdId()).as("stop and target attached").startsWith(key);
    String body = server.requests("POST", "/api/v5/trade/order").get(0).body().replace(" ", "");
    assertThat(body).contains("\"slTriggerPx\"").contains("\"tpTriggerPx\"");
    assertThat(position().signum()).isZero();

    // three bars later, fifteen minutes after the signal: past backtest.limit-expiry (10m)
    server.setClockSkew(Duration.ofMinutes(15));
    serveCandlesUpTo(limitIndex + 3);
    Run later = runToEnd("later", List.of(), tradeArgs("demo", true).toArray(String[]::new));

    assertThat(later.exit()).as(later.out() + later.err()).isZero();
    assertThat(later.out()).contains("demo: entry cancelled: ");
    FakeOrder cancelled =
        server.exchange().orders().stream()
            .filter(o -> o.clOrdId().equals(entry.clOrdId()))
            .findFirst()
            .orElseThrow();
    assertThat(cancelled.state()).isEqualTo("canceled");
    assertThat(server.exchange().orders()).hasSize(1);
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("bot.sqlite"))) {
      assertThat(journal.trade(key).orElseThrow().status()).isNotEqualTo(TradeStatus.ENTRY_WORKING);
      assertThat(journal.order(entry.clOrdId()).orElseThrow().status())
          .isEqualTo(OrderStatus.CANCELED);
    }
  }
}
