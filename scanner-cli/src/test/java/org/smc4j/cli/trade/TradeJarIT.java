package org.smc4j.cli.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.PlanSizer;
import org.smc4j.trading.plan.Sizing;

/**
 * {@code java -jar scanner-cli.jar trade} (paper mode) as a separate process: on live candles from
 * a local OKX v5 market stub on 127.0.0.1 (real Bybit BTC 5m candles served as OKX candle pages,
 * the captured SWAP instruments, a one-symbol ticker list) trades open and close in the journal,
 * show in {@code trade status} and are alerted; and over recorded candles ({@code --replay}) a bot
 * killed at its state transitions and restarted journals exactly the trades of an uninterrupted
 * run.
 */
class TradeJarIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BTC = "BTC-USDT-SWAP";
  private static final String HOOK_SECRET = "hook-secret-0123456789";

  @TempDir Path dir;

  private HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<byte[]> webhookBodies = new CopyOnWriteArrayList<>();
  private volatile List<String[]> rows = List.of();
  private String instruments;
  private String tickers;

  /** The result of one jar run. */
  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    Path fixtures = SharedData.requireShared("okx-fixtures");
    instruments = Files.readString(fixtures.resolve("public-instruments-SWAP.json"));
    ObjectNode root =
        (ObjectNode) JSON.readTree(Files.readString(fixtures.resolve("market-tickers-SWAP.json")));
    ObjectNode t = ((ObjectNode) root.get("data").get(0)).deepCopy();
    t.put("instId", BTC);
    t.put("last", "84000.1");
    t.put("volCcy24h", "90000");
    root.set("data", JSON.createArrayNode().add(t));
    tickers = JSON.writeValueAsString(root);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void paperOnLiveCandlesOpensAndClosesTradesThatTheJournalStatusAndAlertsShow() throws Exception {
    BarArrays bars =
        CandleCsvReader.STRICT
            .withTimeframe(Timeframe.M5)
            .read(SharedData.requireData("bybit-linear/BTCUSDT/5m/BTCUSDT_5m.csv"))
            .bars();
    Path config = dir.resolve("smc4j.yaml");
    Files.writeString(
        config,
        """
        okx:
          request-timeout: 2s
          max-attempts: 3
          initial-backoff: 20ms
          max-backoff: 100ms
        scan:
          top-n: 1
          late-retries: 0
        alerts:
          discord: {enabled: true}
        """);
    Path journal = dir.resolve("paper.sqlite");
    boolean sawOpenInStatus = false;
    Optional<TradeRecord> closed = Optional.empty();
    // The first run ends at a bar where the strategy, run on the 1,000 bars the bot backfills,
    // makes a sized signal: it is found on time, decided, alerted and traded. Then one cycle per
    // run, every 8 hours of candles: each restart resumes from the journal and processes the
    // candles since its last run.
    int first = firstSignalBar(bars);
    for (int last = first; last < bars.size() - 1 && closed.isEmpty(); last += 96) {
      serveUpTo(bars, last);
      Instant now = Instant.ofEpochMilli(bars.closeTimeMillis(last) + 1_000);
      Run run =
          jar(
              List.of(),
              "trade",
              "--config",
              config.toString(),
              "--okx-url",
              url(),
              "--now",
              now.toString(),
              "--once",
              "--journal",
              journal.toString());
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("cycle " + Instant.ofEpochMilli(bars.closeTimeMillis(last)));
      List<TradeRecord> trades = trades(journal);
      List<TradeRecord> open = trades.stream().filter(r -> r.status().countsAsOpen()).toList();
      if (!open.isEmpty()) {
        Run status = jar(List.of(), "trade", "status", "--journal", journal.toString());
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("(paper)").contains(open.get(0).tradeKey());
        sawOpenInStatus = true;
      }
      closed =
          trades.stream()
              .filter(r -> r.status() == TradeStatus.CLOSED && r.result().isPresent())
              .findFirst();
    }

    assertThat(closed).as("a paper trade closed on the served candles").isPresent();
    assertThat(sawOpenInStatus).isTrue();
    TradeRecord trade = closed.get();
    TradeResult result = trade.result().orElseThrow();
    assertThat(trade.instId()).isEqualTo(BTC);
    assertThat(trade.entryPx()).isPresent();
    assertThat(result.netPnl().doubleValue())
        .isCloseTo(
            result.grossPnl().subtract(result.fees()).subtract(result.funding()).doubleValue(),
            within(1e-9));
    try (ExecutionJournal exec = ExecutionJournal.open(journal)) {
      // entry and exit fill, each once
      assertThat(exec.fills().stream().filter(f -> f.tradeKey().equals(trade.tradeKey())))
          .hasSize(2);
    }
    // signals are alerted once each with their decision; a TAKEN one is a journaled trade
    // (signals found late in a run's catch-up are journaled and traded, but not alerted)
    List<String> alerts =
        webhookBodies.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    assertThat(alerts).anyMatch(a -> a.contains("Decision: TAKEN"));
    List<String> alerted = alerts.stream().map(TradeJarIT::signalLine).toList();
    assertThat(alerted).doesNotHaveDuplicates();
    assertThat(alerts.stream().filter(a -> a.contains("Decision: TAKEN")).count())
        .isLessThanOrEqualTo(
            trades(journal).stream().filter(r -> r.status() != TradeStatus.SKIPPED).count());
  }

  /** Returns the first bar at which a 1,000-bar window ending there makes a sized signal. */
  private static int firstSignalBar(BarArrays all) throws IOException {
    ContractSpec spec =
        OkxInstrumentMapper.mapResponse(
                Files.readString(
                    SharedData.requireShared("okx-fixtures")
                        .resolve("public-instruments-SWAP.json")),
                "fixture")
            .specs()
            .stream()
            .filter(s -> s.instrumentId().equals(BTC))
            .findFirst()
            .orElseThrow();
    PlanSizer sizer = new PlanSizer(SizingParameters.DEFAULT);
    for (int k = 1100; k < all.size() - 500; k++) {
      BarArrays window = all.slice(k - 999, k + 1);
      List<EntrySignal> signals = new ArrayList<>();
      StrategyEngine engine =
          new StrategyEngine(
              StrategyConfig.DEFAULT,
              spec.tickSize().doubleValue(),
              e -> {
                if (e instanceof EntrySignal x) {
                  signals.add(x);
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
      long close = all.closeTimeMillis(k);
      Optional<EntrySignal> last =
          signals.stream().filter(x -> x.knownAtTimeMillis() == close).findFirst();
      if (last.isPresent()
          && sizer.size(EntrySignalAdapter.toPlan(BTC, last.get()), spec) instanceof Sizing.Sized) {
        return k;
      }
    }
    throw new IllegalStateException("no sized signal found in the BTC data");
  }

  /** The alert's side, symbol and signal time lines. */
  private static String signalLine(String alert) {
    int side = Math.max(alert.indexOf("LONG " + BTC), alert.indexOf("SHORT " + BTC));
    int signal = alert.indexOf("Signal: ");
    assertThat(side).as(alert).isNotNegative();
    assertThat(signal).as(alert).isNotNegative();
    return alert.substring(side, alert.indexOf('(', side))
        + alert.substring(signal, alert.indexOf('\n', signal));
  }

  @Test
  void aPaperBotKilledAtItsStateTransitionsAndRestartedJournalsWhatAnUninterruptedOneDoes()
      throws Exception {
    String data =
        SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv").toString();
    Path config = dir.resolve("replay.yaml");
    // the restarted strategy warms up from the first candle, as the uninterrupted one did
    Files.writeString(config, "scan:\n  backfill-bars: 10000\n");
    Path whole = dir.resolve("whole.sqlite");
    Run uninterrupted = replay(data, config, whole, List.of());
    assertThat(uninterrupted.exit()).as(uninterrupted.err()).isZero();
    List<String> expected = summary(whole);
    assertThat(expected).hasSizeGreaterThan(5);

    Path crashed = dir.resolve("crashed.sqlite");
    List<String> points =
        List.of(
            "paper-entry#2", "paper-fill#2", "paper-close#2", "paper-saved#40", "paper-close#3");
    for (String point : points) {
      Run run = replay(data, config, crashed, List.of("-Dsmc4j.test.crashAt=" + point));
      assertThat(run.exit()).as("halted at " + point + ": " + run.err()).isEqualTo(86);
    }
    // and one plain kill at whatever it is doing
    Process p = start(data, config, crashed, List.of());
    Thread.sleep(2_500);
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Run last = replay(data, config, crashed, List.of());
    assertThat(last.exit()).as(last.err()).isZero();
    assertThat(last.out()).contains("resuming after");

    assertThat(summary(crashed)).containsExactlyElementsOf(expected);
    try (ExecutionJournal a = ExecutionJournal.open(whole);
        ExecutionJournal b = ExecutionJournal.open(crashed)) {
      assertThat(b.fills()).hasSameSizeAs(a.fills());
      assertThat(b.orders()).hasSameSizeAs(a.orders());
      assertThat(b.funding()).hasSameSizeAs(a.funding());
    }
  }

  /** Each journaled trade as a line: key, state, reason, entry and result. */
  private static List<String> summary(Path journal) {
    return trades(journal).stream()
        .sorted(Comparator.comparing(TradeRecord::tradeKey))
        .map(
            t ->
                String.join(
                    " ",
                    t.tradeKey(),
                    t.status().name(),
                    t.reason(),
                    t.filledSz().toPlainString(),
                    t.entryPx().map(Object::toString).orElse("-"),
                    t.result().map(Object::toString).orElse("-")))
        .toList();
  }

  private static List<TradeRecord> trades(Path journal) {
    try (ExecutionJournal exec = ExecutionJournal.open(journal)) {
      return exec.trades();
    }
  }

  private Run replay(String data, Path config, Path journal, List<String> jvmArgs)
      throws Exception {
    Process p = start(data, config, journal, jvmArgs);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("trade --replay finishes").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  private Process start(String data, Path config, Path journal, List<String> jvmArgs)
      throws IOException {
    List<String> args = new ArrayList<>(jvmArgs);
    args.addAll(
        List.of(
            "-jar",
            jar().toString(),
            "trade",
            "--mode",
            "paper",
            "--config",
            config.toString(),
            "--replay",
            data,
            "--journal",
            journal.toString()));
    return process(args);
  }

  private Run jar(List<String> jvmArgs, String... args) throws Exception {
    List<String> all = new ArrayList<>(jvmArgs);
    all.add("-jar");
    all.add(jar().toString());
    all.addAll(List.of(args));
    Process p = process(all);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("smc4j.cli.jar", "target/scanner-cli.jar"));
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    return jar.toAbsolutePath();
  }

  private Process process(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SMC4J_"));
    pb.environment().put("SMC4J_DISCORD_WEBHOOK_URL", url() + "/api/webhooks/42/" + HOOK_SECRET);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    return pb.start();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves the candles up to bar {@code last}, plus a forming bar after it (confirm 0). */
  private void serveUpTo(BarArrays bars, int last) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i <= last + 1; i++) {
      out.add(
          new String[] {
            Long.toString(bars.openTimeMillis(i)),
            Double.toString(bars.open(i)),
            Double.toString(bars.high(i)),
            Double.toString(bars.low(i)),
            Double.toString(bars.close(i)),
            Double.toString(bars.volume(i)),
            Double.toString(bars.volume(i)),
            Double.toString(bars.volume(i) * bars.close(i)),
            i <= last ? "1" : "0"
          });
    }
    rows = out;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    try {
      if (path.startsWith("/api/webhooks/")) {
        webhookBodies.add(ex.getRequestBody().readAllBytes());
        reply(ex, 200, "{\"id\":\"1\"}");
      } else if (path.equals("/api/v5/market/tickers")) {
        reply(ex, 200, tickers);
      } else if (path.equals("/api/v5/public/instruments")) {
        reply(ex, 200, instruments);
      } else if (path.equals("/api/v5/market/candles")
          || path.equals("/api/v5/market/history-candles")) {
        reply(ex, 200, BTC.equals(q.get("instId")) ? candles(q) : empty());
      } else {
        reply(ex, 404, "{\"code\":\"51000\",\"msg\":\"not served\"}");
      }
    } finally {
      ex.close();
    }
  }

  private static String empty() {
    return "{\"code\":\"0\",\"msg\":\"\",\"data\":[]}";
  }

  private String candles(Map<String, String> q) throws IOException {
    List<String[]> all = rows;
    long after = q.containsKey("after") ? Long.parseLong(q.get("after")) : Long.MAX_VALUE;
    long before = q.containsKey("before") ? Long.parseLong(q.get("before")) : Long.MIN_VALUE;
    int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
    ObjectNode root = JSON.createObjectNode();
    root.put("code", "0");
    root.put("msg", "");
    ArrayNode data = root.putArray("data");
    int picked = 0;
    for (int i = all.size() - 1; i >= 0 && picked < limit; i--) {
      long ts = Long.parseLong(all.get(i)[0]);
      if (ts < after && ts > before) {
        ArrayNode r = data.addArray();
        for (String v : all.get(i)) {
          r.add(v);
        }
        picked++;
      }
    }
    return JSON.writeValueAsString(root);
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          q.put(
              URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }
}
