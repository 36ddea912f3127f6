package org.smc4j.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.PlanSizer;
import org.smc4j.trading.plan.Sizing;
import org.smc4j.trading.plan.TradePlan;

/**
 * {@code java -jar scanner-cli.jar scan --once} as a separate process against a local OKX v5 stub
 * on 127.0.0.1: real Bybit BTC and ETH 5m candles (shared/data) served as OKX candle pages (newest
 * first, {@code after}/{@code limit} paging, {@code confirm} flag), the OKX docs' ticker shape for
 * the ranking and the captured SWAP instruments for the specs. The candles end at a bar where the
 * strategy, run directly on the same 1,000-bar window, signals; the scan must report exactly that
 * signal (line, JSON row, journal row, webhook alert), survive the faults it retries, fail cleanly
 * on the ones it must not retry, never use an unconfirmed candle, and not repeat the signal after a
 * restart.
 */
class ScanJarIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long M5 = Timeframe.M5.millis();
  private static final String BTC = "BTC-USDT-SWAP";
  private static final String ETH = "ETH-USDT-SWAP";
  private static final String HOOK_SECRET = "hook-secret-0123456789";
  private static final String BOT_TOKEN = "123456:telegram-secret-abcdef";

  private static BarArrays btcAll;
  private static BarArrays ethAll;
  private static ContractSpec btcSpec;
  private static String instruments;
  private static String tickers;
  private static int signalIndex;
  private static TradePlan expected;
  private static Sizing.Sized expectedSize;
  private static Optional<TradePlan> ethExpected;

  @TempDir Path dir;

  private HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, List<String[]>> rows = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<String> btcFaults = new ConcurrentLinkedQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<byte[]> webhookBodies = new CopyOnWriteArrayList<>();
  private final List<byte[]> telegramBodies = new CopyOnWriteArrayList<>();
  private volatile boolean webhookDown;
  private List<String> jvmArgs = List.of();

  @BeforeAll
  static void pickSignal() throws IOException {
    Path btcFile = SharedData.requireData("bybit-linear/BTCUSDT/5m/BTCUSDT_5m.csv");
    Path ethFile = SharedData.requireData("bybit-linear/ETHUSDT/5m/ETHUSDT_5m.csv");
    Path fixtures = SharedData.requireShared("okx-fixtures");
    btcAll = CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(btcFile).bars();
    ethAll = CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(ethFile).bars();
    instruments = Files.readString(fixtures.resolve("public-instruments-SWAP.json"));
    btcSpec =
        OkxInstrumentMapper.mapResponse(instruments, "fixture").specs().stream()
            .filter(s -> s.instrumentId().equals(BTC))
            .findFirst()
            .orElseThrow();
    tickers = tickers(Files.readString(fixtures.resolve("market-tickers-SWAP.json")));
    ContractSpec ethSpec =
        OkxInstrumentMapper.mapResponse(instruments, "fixture").specs().stream()
            .filter(x -> x.instrumentId().equals(ETH))
            .findFirst()
            .orElseThrow();
    // The scan backfills 1,000 bars; find the first bar where the engine run on exactly those
    // 1,000 bars (as the scanner will see them) makes a sized BTC signal known at its close.
    PlanSizer sizer = new PlanSizer(SizingParameters.DEFAULT);
    for (int k = 1200; k < btcAll.size() - 10; k++) {
      Optional<EntrySignal> btc = windowSignal(btcAll, k, btcSpec);
      if (btc.isPresent()
          && sizer.size(EntrySignalAdapter.toPlan(BTC, btc.get()), btcSpec)
              instanceof Sizing.Sized sized) {
        signalIndex = k;
        expected = EntrySignalAdapter.toPlan(BTC, btc.get());
        expectedSize = sized;
        // ETH is scanned on the same bars; when it signals too, that signal is expected as well.
        ethExpected = windowSignal(ethAll, k, ethSpec).map(e -> EntrySignalAdapter.toPlan(ETH, e));
        return;
      }
    }
    throw new IllegalStateException("no sized signal found in the BTC data");
  }

  private static Optional<EntrySignal> windowSignal(BarArrays all, int k, ContractSpec spec) {
    BarArrays window = all.slice(k - 999, k + 1);
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
    long close = all.closeTimeMillis(k);
    return signals.stream().filter(x -> x.knownAtTimeMillis() == close).findFirst();
  }

  /** The docs' ticker shape with our two linear swaps (BTC ranked first by USDT volume). */
  private static String tickers(String fixture) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(fixture);
    ObjectNode template = (ObjectNode) root.get("data").get(0);
    ArrayNode data = JSON.createArrayNode();
    String[][] values = {
      {BTC, "84000.1", "90000"},
      {ETH, "1800.5", "1500000"},
      {"X-USD-SWAP", "1", "9e12"},
      {"GONE-USDT-SWAP", "1", "9e12"}
    };
    for (String[] v : values) {
      ObjectNode t = template.deepCopy();
      t.put("instId", v[0]);
      t.put("last", v[1]);
      t.put("volCcy24h", v[2]);
      data.add(t);
    }
    root.set("data", data);
    return JSON.writeValueAsString(root);
  }

  @BeforeEach
  void start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    serveUpTo(signalIndex, false);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Serves both symbols' candles up to bar {@code last}, plus a forming bar after it. */
  private void serveUpTo(int last, boolean lastUnconfirmed) {
    rows.put(BTC, okxRows(btcAll, last, lastUnconfirmed));
    rows.put(ETH, okxRows(ethAll, last, lastUnconfirmed));
  }

  private static List<String[]> okxRows(BarArrays bars, int last, boolean lastUnconfirmed) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i <= last + 1; i++) {
      boolean confirmed = i <= last && !(lastUnconfirmed && i == last);
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
            confirmed ? "1" : "0"
          });
    }
    return out;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    requests.add(ex.getRequestMethod() + " " + path + " " + q);
    try {
      if (path.startsWith("/api/webhooks/") && webhookDown) {
        ex.getRequestBody().readAllBytes();
        reply(ex, 500, "{\"message\":\"down\"}");
      } else if (path.startsWith("/api/webhooks/")) {
        webhookBodies.add(ex.getRequestBody().readAllBytes());
        reply(ex, 200, "{\"id\":\"1\"}");
      } else if (path.equals("/bot" + BOT_TOKEN + "/sendPhoto")) {
        telegramBodies.add(ex.getRequestBody().readAllBytes());
        reply(ex, 200, "{\"ok\":true,\"result\":{\"message_id\":7}}");
      } else if (path.equals("/api/v5/market/tickers")) {
        reply(ex, 200, tickers);
      } else if (path.equals("/api/v5/public/instruments")) {
        reply(ex, 200, instruments);
      } else if (path.equals("/api/v5/market/candles")
          || path.equals("/api/v5/market/history-candles")) {
        String inst = q.get("instId");
        String fault = BTC.equals(inst) ? btcFaults.poll() : null;
        if (fault != null && fault(ex, fault)) {
          return;
        }
        reply(ex, 200, candles(inst, q));
      } else {
        reply(ex, 404, "{\"code\":\"51000\",\"msg\":\"not served\"}");
      }
    } finally {
      ex.close();
    }
  }

  private boolean fault(HttpExchange ex, String fault) throws IOException {
    switch (fault) {
      case "429" -> reply(ex, 429, "{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}");
      case "50011" ->
          reply(
              ex,
              200,
              "{\"code\":\"50011\",\"msg\":\"Rate limit reached. Please refer to API"
                  + " documentation and throttle requests accordingly.\",\"data\":[]}");
      case "500" -> reply(ex, 500, "<html>Internal Server Error</html>");
      case "timeout" -> {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return false;
      }
      case "malformed" -> reply(ex, 200, "{\"code\":\"0\",\"msg\":\"\",\"data\":[[\"17");
      default -> throw new IllegalStateException(fault);
    }
    return true;
  }

  private String candles(String inst, Map<String, String> q) throws IOException {
    List<String[]> all = rows.getOrDefault(inst, List.of());
    long after = q.containsKey("after") ? Long.parseLong(q.get("after")) : Long.MAX_VALUE;
    long before = q.containsKey("before") ? Long.parseLong(q.get("before")) : Long.MIN_VALUE;
    int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
    List<String[]> picked = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && picked.size() < limit; i--) {
      long ts = Long.parseLong(all.get(i)[0]);
      if (ts < after && ts > before) {
        picked.add(all.get(i));
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("code", "0");
    root.put("msg", "");
    ArrayNode data = root.putArray("data");
    for (String[] row : picked) {
      ArrayNode r = data.addArray();
      for (String v : row) {
        r.add(v);
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

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The result of one jar run. */
  record Run(int exit, String out, String err) {}

  private String customConfig;

  private Path config(boolean discord) throws IOException {
    Path file = dir.resolve("smc4j.yaml");
    if (customConfig != null) {
      Files.writeString(file, customConfig);
      return file;
    }
    Files.writeString(
        file,
        """
        okx:
          request-timeout: 1s
          max-attempts: 5
          initial-backoff: 20ms
          max-backoff: 100ms
        scan:
          top-n: 2
          late-retries: 1
          late-retry-delay: 200ms
        alerts:
          discord: {enabled: %s}
          telegram: {enabled: %s, api-url: '%s', chat-id: '-1001234567890'}
        logging: {file: logs/scan.log, level: info}
        """
            .formatted(discord, discord, url()));
    return file;
  }

  private Process start(int lastBar, boolean discord, boolean once) throws Exception {
    Path jar = Path.of(System.getProperty("smc4j.cli.jar", "target/scanner-cli.jar"));
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Instant now = Instant.ofEpochMilli(btcAll.closeTimeMillis(lastBar) + 1_000);
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(jvmArgs);
    cmd.addAll(
        List.of(
            "-jar",
            jar.toAbsolutePath().toString(),
            "scan",
            "--config",
            config(discord).toString(),
            "--okx-url",
            url(),
            "--now",
            now.toString(),
            "--data-dir",
            dir.toString(),
            "--journal",
            dir.resolve("scan.db").toString(),
            "--signals",
            dir.resolve("signals.jsonl").toString()));
    if (once) {
      cmd.add("--once");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SMC4J_"));
    pb.environment().put("SMC4J_DISCORD_WEBHOOK_URL", url() + "/api/webhooks/42/" + HOOK_SECRET);
    pb.environment().put("SMC4J_TELEGRAM_BOT_TOKEN", BOT_TOKEN);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    return pb.start();
  }

  private Run scanOnce(int lastBar, boolean discord) throws Exception {
    Process p = start(lastBar, discord, true);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("scan --once finishes").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  private static String price(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  private List<JsonNode> jsonRows() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    Path f = dir.resolve("signals.jsonl");
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f)) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private int journalSignals() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scan.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM signals")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private int expectedCount() {
    return 1 + (ethExpected.isPresent() ? 1 : 0);
  }

  private void assertTheExpectedSignal(Run run) throws Exception {
    List<String> lines = run.out().lines().filter(l -> l.startsWith("SIGNAL ")).toList();
    assertThat(lines).hasSize(expectedCount());
    assertEthSignal(lines);
    String line = lines.stream().filter(l -> l.contains(" " + BTC + " ")).findFirst().orElseThrow();
    assertThat(line)
        .contains(BTC)
        .contains(expected.side().name())
        .contains("entry " + price(expected.entry()))
        .contains("stop " + price(expected.stop()))
        .contains("target " + price(expected.target()))
        .contains("id " + ScanSignal.keyOf(BTC, expected.side(), expected.signalTime()));
    List<JsonNode> json = jsonRows();
    assertThat(json).hasSize(expectedCount());
    JsonNode row =
        json.stream().filter(j -> j.get("symbol").asText().equals(BTC)).findFirst().orElseThrow();
    assertThat(row.get("symbol").asText()).isEqualTo(BTC);
    assertThat(row.get("signalTime").asText()).isEqualTo(expected.signalTime().toString());
    assertThat(row.get("side").asText()).isEqualTo(expected.side().name());
    assertThat(row.get("entryKind").asText()).isEqualTo(expected.entryKind().name());
    assertThat(row.get("entry").asDouble()).isEqualTo(expected.entry());
    assertThat(row.get("stop").asDouble()).isEqualTo(expected.stop());
    assertThat(row.get("target").asDouble()).isEqualTo(expected.target());
    assertThat(row.get("contracts").asDouble()).isEqualTo(expectedSize.contracts());
    // $1 risk on OKX's BTC-USDT-SWAP: whole lots of 0.01 contracts, all-in loss within 10 %.
    double lots = row.get("contracts").asDouble() / 0.01;
    assertThat(Math.abs(lots - Math.rint(lots))).isLessThan(1e-9);
    assertThat(row.get("plannedRiskUsd").asDouble()).isBetween(0.0, 1.1);
    assertThat(journalSignals()).isEqualTo(expectedCount());
  }

  private static void assertEthSignal(List<String> lines) {
    List<String> eth = lines.stream().filter(l -> l.contains(" " + ETH + " ")).toList();
    if (ethExpected.isEmpty()) {
      assertThat(eth).isEmpty();
      return;
    }
    TradePlan p = ethExpected.get();
    assertThat(eth).hasSize(1);
    assertThat(eth.get(0))
        .contains(p.side().name())
        .contains("entry " + String.format(java.util.Locale.ROOT, "%.2f", p.entry()))
        .contains("stop " + String.format(java.util.Locale.ROOT, "%.2f", p.stop()));
  }

  @Test
  void shouldReportTheSignalOfTheLastClosedBarAndPostItToTheWebhooks() throws Exception {
    Run run = scanOnce(signalIndex, true);

    assertThat(run.exit()).as(run.err()).isZero();
    assertTheExpectedSignal(run);
    assertThat(run.out())
        .contains(
            "cycle " + expected.signalTime() + ": 2 symbols, " + expectedCount() + " new signals");
    // Ranked by USDT volume: BTC (90,000 x 84,000) before ETH; neither the inverse swap nor the
    // USDT swap with a ticker but no instrument (delisted) takes a place in the top 2.
    assertThat(requests).noneMatch(r -> r.contains("X-USD-SWAP") || r.contains("GONE-USDT-SWAP"));
    assertThat(requests).anyMatch(r -> r.contains("/market/candles") && r.contains(ETH));
    // The forming bar after the signal bar was served (confirm 0) and not used.
    assertThat(jsonRows())
        .allMatch(
            j ->
                j.get("signalTime")
                    .asText()
                    .equals(Instant.ofEpochMilli(btcAll.closeTimeMillis(signalIndex)).toString()));

    assertThat(webhookBodies).hasSize(expectedCount());
    String body =
        webhookBodies.stream()
            .map(b -> new String(b, StandardCharsets.ISO_8859_1))
            .filter(b -> b.contains(BTC + " ("))
            .findFirst()
            .orElseThrow();
    assertThat(body)
        .contains(expected.side().name() + " " + BTC)
        .contains("Entry: " + price(expected.entry()))
        .contains("Stop: " + price(expected.stop()))
        .contains("Target: " + price(expected.target()))
        .contains("POI: ")
        .contains("\u0089PNG");
    // Telegram: one photo with the alert as its caption, per signal.
    assertThat(telegramBodies).hasSize(expectedCount());
    String photo =
        telegramBodies.stream()
            .map(b -> new String(b, StandardCharsets.ISO_8859_1))
            .filter(b -> b.contains(BTC + " ("))
            .findFirst()
            .orElseThrow();
    assertThat(photo)
        .contains("-1001234567890")
        .contains("Entry: " + price(expected.entry()))
        .contains("Target: " + price(expected.target()))
        .contains("\u0089PNG");
    // The secrets are in no output and no log.
    String log = Files.readString(dir.resolve("logs/scan.log"));
    assertThat(log).contains("alert delivered to discord").contains("alert delivered to telegram");
    assertThat(run.out() + run.err() + log)
        .doesNotContain(HOOK_SECRET)
        .doesNotContain("telegram-secret");
  }

  @Test
  void shouldNotRepeatASignalAfterARestart() throws Exception {
    Run first = scanOnce(signalIndex, false);
    assertThat(first.exit()).as(first.err()).isZero();
    assertTheExpectedSignal(first);

    Run second = scanOnce(signalIndex, false);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).doesNotContain("SIGNAL ");
    assertThat(jsonRows()).hasSize(expectedCount());
    assertThat(journalSignals()).isEqualTo(expectedCount());
    assertThat(Files.readString(dir.resolve("logs/scan.log"))).contains("already published");
  }

  @Test
  void shouldRetry429And50011And500AndTimeoutsAndStillReportTheSignal() throws Exception {
    btcFaults.addAll(List.of("429", "50011", "500", "timeout"));

    Run run = scanOnce(signalIndex, false);

    assertThat(run.exit()).as(run.err()).isZero();
    assertTheExpectedSignal(run);
    assertThat(btcFaults).isEmpty();
    String log = Files.readString(dir.resolve("logs/scan.log"));
    assertThat(log)
        .contains("attempt 1/5 failed (HTTP 429")
        .contains("attempt 2/5 failed (OKX code 50011 in HTTP 200")
        .contains("attempt 3/5 failed (HTTP 500")
        .contains("attempt 4/5 failed (timed out");
  }

  @Test
  void shouldRetryTruncatedJsonLikeA5xxAndStillReportTheSignal() throws Exception {
    btcFaults.add("malformed");

    Run run = scanOnce(signalIndex, false);

    assertThat(run.exit()).as(run.err()).isZero();
    assertTheExpectedSignal(run);
    assertThat(btcFaults).isEmpty();
    assertThat(Files.readString(dir.resolve("logs/scan.log")))
        .contains("attempt 1/5 failed (malformed JSON in the response (truncated?)");
  }

  @Test
  void shouldFailTheSymbolOnMalformedJsonAfterTheRetriesAndScanTheOthers() throws Exception {
    btcFaults.addAll(List.of("malformed", "malformed", "malformed", "malformed", "malformed"));

    Run run = scanOnce(signalIndex, false);

    assertThat(run.exit()).isEqualTo(1);
    List<String> lines = run.out().lines().filter(l -> l.startsWith("SIGNAL ")).toList();
    assertThat(lines).noneMatch(l -> l.contains(BTC));
    assertEthSignal(lines);
    assertThat(run.out())
        .contains("2 symbols, " + (expectedCount() - 1) + " new signals")
        .contains("failures: [" + BTC + ": GET /api/v5/market/candles")
        .contains("failed after 5 attempts; last error: malformed JSON");
    assertThat(requests.stream().filter(r -> r.contains("/market/candles") && r.contains(ETH)))
        .isNotEmpty();
    assertThat(
            requests.stream().filter(r -> r.contains("/market/candles") && r.contains(BTC)).count())
        .as("a malformed body is retried like a 5xx, up to max-attempts")
        .isEqualTo(5);
    assertThat(jsonRows()).hasSize(expectedCount() - 1);
  }

  @Test
  void shouldNeverUseACandleOkxHasNotConfirmed() throws Exception {
    // The signal bar is served with confirm = 0 although its close time has passed.
    serveUpTo(signalIndex, true);

    Run run = scanOnce(signalIndex, false);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("SIGNAL ").contains("late: [");
    assertThat(run.out()).contains(BTC);
    assertThat(jsonRows()).isEmpty();
    // Asked again after the late-retry delay, as configured.
    assertThat(
            requests.stream()
                .filter(
                    r -> r.contains("/market/candles") && r.contains(BTC) && !r.contains("after"))
                .count())
        .isEqualTo(2);
  }

  @Test
  void shouldStopCleanlyOnSigtermAndCloseTheJournal() throws Exception {
    Process p = start(signalIndex, false, false);
    Path out = dir.resolve("out.txt");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(out) && Files.readString(out).contains("cycle "))) {
      assertThat(System.nanoTime()).as("first cycle within 60 s").isLessThan(deadline);
      assertThat(p.isAlive()).as("the scan keeps running").isTrue();
      Thread.sleep(100);
    }
    // The loop now waits for the next 5m close; SIGTERM (as Ctrl-C) must end it promptly.
    p.destroy();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stops within 20 s").isTrue();

    assertThat(Files.readString(dir.resolve("err.txt"))).contains("scan stopped");
    assertThat(jsonRows()).hasSize(expectedCount());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scan.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT description, finished_at FROM runs")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("scan live");
      assertThat(rs.getString(2)).as("the run was closed, not cut off").isNotNull();
    }
    assertThat(journalSignals()).isEqualTo(expectedCount());
  }

  @Test
  void shouldExitWithTwoAndTheFileAndKeyPathOnABadConfig() throws Exception {
    customConfig = "strategy:\n  swing:\n    15m: {left: 0}\n";

    Run run = scanOnce(signalIndex, false);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "error: "
                + dir.resolve("smc4j.yaml")
                + ": strategy.swing.15m.left: must be >= 1, was 0");
    assertThat(requests).isEmpty();
  }

  /** Discord only: one sink, so its lane sends the alerts one after another, in a known order. */
  private String discordOnlyConfig() {
    return """
        okx:
          request-timeout: 1s
          max-attempts: 5
          initial-backoff: 20ms
          max-backoff: 100ms
        scan:
          top-n: 2
          late-retries: 1
          late-retry-delay: 200ms
        alerts:
          discord: {enabled: true}
          telegram: {enabled: false}
        logging: {file: logs/scan.log, level: info}
        """;
  }

  private int pendingDeliveries() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scan.db"));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT COUNT(*) FROM scan_outbox WHERE state = 'PENDING'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private List<String> webhookSymbols() {
    return webhookBodies.stream()
        .map(b -> new String(b, StandardCharsets.ISO_8859_1))
        .map(b -> b.contains(BTC + " (") ? BTC : b.contains(ETH + " (") ? ETH : "other")
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"after-journal", "after-jsonl", "after-alert"})
  void shouldPublishEverySignalExactlyOnceWhenKilledAtAStepAndRestarted(String crashPoint)
      throws Exception {
    customConfig = discordOnlyConfig();
    jvmArgs = List.of("-Dsmc4j.test.crashAt=" + crashPoint);

    Run crashed = scanOnce(signalIndex, true);

    assertThat(crashed.exit()).as("halted at " + crashPoint + ": " + crashed.err()).isEqualTo(86);
    jvmArgs = List.of();
    Run restarted = scanOnce(signalIndex, true);

    assertThat(restarted.exit()).as(restarted.err()).isZero();
    List<JsonNode> json = jsonRows();
    assertThat(json).hasSize(expectedCount());
    assertThat(json.stream().map(j -> j.get("id").asText()).distinct()).hasSize(expectedCount());
    assertThat(journalSignals()).isEqualTo(expectedCount());
    assertThat(webhookSymbols()).hasSize(expectedCount()).doesNotHaveDuplicates().contains(BTC);
    assertThat(pendingDeliveries()).isZero();
    assertThat(restarted.out()).doesNotContain("pending deliveries");
  }

  @Test
  void shouldKeepAFailingAlertPendingExitNonZeroAndDeliverItOnceOnTheNextRun() throws Exception {
    customConfig = discordOnlyConfig();
    webhookDown = true;

    Run failing = scanOnce(signalIndex, true);

    assertThat(failing.exit()).as(failing.err()).isEqualTo(1);
    assertThat(failing.out()).contains("pending deliveries: " + expectedCount());
    assertThat(webhookBodies).isEmpty();
    assertThat(jsonRows()).hasSize(expectedCount());
    assertThat(pendingDeliveries()).isEqualTo(expectedCount());

    webhookDown = false;
    Run next = scanOnce(signalIndex, true);

    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(next.out()).doesNotContain("SIGNAL ").doesNotContain("pending deliveries");
    assertThat(webhookSymbols()).hasSize(expectedCount()).doesNotHaveDuplicates();
    assertThat(jsonRows()).hasSize(expectedCount());
    assertThat(journalSignals()).isEqualTo(expectedCount());
    assertThat(pendingDeliveries()).isZero();
  }

  /** The signals of the engine run on the 1,000 bars ending at bar {@code end}. */
  private static List<EntrySignal> windowSignals(BarArrays all, int end, ContractSpec spec) {
    BarArrays window = all.slice(end - 999, end + 1);
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
    return signals;
  }

  /**
   * Finds a sized BTC limit-entry signal known at some bar k, as a restart backfilling up to k + 2
   * sees it, whose entry the two candles after it do ({@code traded}) or do not reach.
   */
  private static Map.Entry<Integer, TradePlan> missedLimitSignal(boolean traded) {
    PlanSizer sizer = new PlanSizer(SizingParameters.DEFAULT);
    for (int i = 1200; i < btcAll.size() - 10; i++) {
      long close = btcAll.closeTimeMillis(i);
      for (EntrySignal e : windowSignals(btcAll, i + 2, btcSpec)) {
        TradePlan plan = EntrySignalAdapter.toPlan(BTC, e);
        boolean reached = false;
        for (int j = i + 1; j <= i + 2; j++) {
          reached |=
              plan.side() == org.smc4j.core.signal.Side.LONG
                  ? btcAll.low(j) <= plan.entry()
                  : btcAll.high(j) >= plan.entry();
        }
        if (e.knownAtTimeMillis() == close
            && plan.entryKind() == org.smc4j.trading.order.EntryKind.LIMIT
            && reached == traded
            && sizer.size(plan, btcSpec) instanceof Sizing.Sized) {
          return Map.entry(i, plan);
        }
      }
    }
    throw new IllegalStateException("no limit signal in the BTC data with traded=" + traded);
  }

  @Test
  void shouldPublishALimitSignalMissedWhileStoppedOnceAfterTheRestartMarkedLate() throws Exception {
    Map.Entry<Integer, TradePlan> found = missedLimitSignal(false);
    int k = found.getKey();
    TradePlan missed = found.getValue();
    serveUpTo(k - 1, false);
    Run before = scanOnce(k - 1, false);
    assertThat(before.exit()).as(before.err()).isZero();

    // Stopped for three bars; the signal became known at bar k, ten minutes before the restart.
    serveUpTo(k + 2, false);
    Run restart = scanOnce(k + 2, false);

    assertThat(restart.exit()).as(restart.err()).isZero();
    String id = ScanSignal.keyOf(BTC, missed.side(), missed.signalTime());
    List<String> lines = restart.out().lines().filter(l -> l.contains("id " + id)).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("SIGNAL ").endsWith("LATE by 10 min");
    List<JsonNode> rows = jsonRows().stream().filter(j -> j.get("id").asText().equals(id)).toList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("late").asBoolean()).isTrue();
    assertThat(rows.get(0).get("lateByMinutes").asLong()).isEqualTo(10);

    Run again = scanOnce(k + 2, false);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).doesNotContain("id " + id);
    assertThat(jsonRows().stream().filter(j -> j.get("id").asText().equals(id))).hasSize(1);
  }

  @Test
  void shouldJournalNotPublishALimitSignalMissedWhileStoppedWhoseEntryTradedSince()
      throws Exception {
    Map.Entry<Integer, TradePlan> found = missedLimitSignal(true);
    int k = found.getKey();
    TradePlan missed = found.getValue();
    serveUpTo(k - 1, false);
    assertThat(scanOnce(k - 1, false).exit()).isZero();

    serveUpTo(k + 2, false);
    Run restart = scanOnce(k + 2, false);

    assertThat(restart.exit()).as(restart.err()).isZero();
    String id = ScanSignal.keyOf(BTC, missed.side(), missed.signalTime());
    assertThat(restart.out()).doesNotContain("id " + id);
    assertThat(jsonRows().stream().filter(j -> j.get("id").asText().equals(id))).isEmpty();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scan.db"));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT state, last_error FROM scan_outbox WHERE signal_key = '" + id + "'")) {
      assertThat(rs.next()).as("an outbox row for " + id).isTrue();
      assertThat(rs.getString(1)).isEqualTo("EXPIRED");
      assertThat(rs.getString(2)).startsWith("limit entry already traded by the candle closing at");
    }
    // journaled with its decision, as every signal is
    assertThat(journalSignals()).isPositive();
  }
}
