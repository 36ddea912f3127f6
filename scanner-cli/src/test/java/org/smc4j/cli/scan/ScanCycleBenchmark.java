package org.smc4j.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.smc4j.app.config.OkxConfig;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.scan.ScanPipeline;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.testing.SharedData;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.alert.DiscordAlertSink;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.LoopConfig;
import org.smc4j.live.scan.OkxScanMarket;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.SignalPublisher;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxRateLimiter;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.risk.SizingParameters;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.plan.PlanSizer;

/**
 * Harness (not a test): one steady-state scan cycle for 50 USDT swaps against a local OKX stub that
 * answers every request after 50 ms, under OKX's documented rate limits (the real {@link
 * OkxRateLimiter}), with a Discord webhook receiver on loopback. Every symbol serves the same real
 * BTC 5m candles, cut so that each has a signal at the close being measured: 50 alerts with charts.
 *
 * <p>Each run: a warm-up cycle (backfill) for the previous close, a pause longer than the rate
 * window, then the measured cycle, started at the close plus the configured delay on a clock offset
 * so that the close is "now". Reported: when the last signal line and the last alert arrived, in ms
 * after the candle close. See benchmarks/README.md for how to run it.
 */
public final class ScanCycleBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SYMBOLS = 50;
  private static final long DELAY_MS = 50;

  private ScanCycleBenchmark() {}

  /**
   * Runs the harness.
   *
   * @param args optional: number of runs (default 5)
   * @throws Exception when the stub or the scan fails
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.setProperty("java.awt.headless", "true");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    BarArrays btc =
        CandleCsvReader.STRICT
            .withTimeframe(Timeframe.M5)
            .read(SharedData.requireData("bybit-linear/BTCUSDT/5m/BTCUSDT_5m.csv"))
            .bars();
    // The bar of ScanJarIT's first signal on a 1,000-bar window (2025-04-09 02:25 open).
    int signalBar = indexOfOpen(btc, 1_744_165_500_000L);
    String instrumentsFixture =
        Files.readString(SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json"));
    String tickersFixture =
        Files.readString(SharedData.requireShared("okx-fixtures/market-tickers-SWAP.json"));
    List<String> symbols = new ArrayList<>();
    for (int i = 1; i <= SYMBOLS; i++) {
      symbols.add(String.format(Locale.ROOT, "S%02d-USDT-SWAP", i));
    }
    System.out.printf(
        Locale.ROOT,
        "%d symbols, every request answered after %d ms, OKX limits (candles 40/2s)%n",
        SYMBOLS,
        DELAY_MS);
    for (int run = 1; run <= runs; run++) {
      Stub stub = new Stub(btc, symbols, instrumentsFixture, tickersFixture);
      try {
        stub.lastBar = signalBar - 1;
        measure(run, stub, btc, signalBar, symbols);
      } finally {
        stub.close();
      }
    }
  }

  private static void measure(
      int run, Stub stub, BarArrays btc, int signalBar, List<String> symbols) throws Exception {
    long close = btc.closeTimeMillis(signalBar);
    long warmClose = btc.closeTimeMillis(signalBar - 1);
    LoopConfig loopConfig =
        new LoopConfig(
            SYMBOLS,
            Duration.ofHours(1),
            Duration.ofMillis(500),
            1000,
            8,
            Duration.ofSeconds(1),
            3,
            List.of());
    // Warm-up at "close - 5m + 1 s"; the measured cycle at "close + delay", 3 s later on the wall.
    long wallStart = System.currentTimeMillis();
    MutableOffsetClock clock = new MutableOffsetClock(warmClose + 1_000 - wallStart);
    Path tmp = Files.createTempDirectory("scan-bench");
    List<AlertSink> sinks =
        List.of(DiscordAlertSink.builder(stub.url() + "/api/webhooks/1/benchmark-token").build());
    OkxConfig okxConfig = OkxConfig.DEFAULT.withBaseUrl(URI.create(stub.url()));
    ExecutorService pool = Executors.newFixedThreadPool(loopConfig.fetchThreads());
    StringWriter lines = new StringWriter();
    List<Long> signalAt = new CopyOnWriteArrayList<>();
    try (OkxMarketData okx =
            OkxMarketData.create(
                okxConfig.toSettings(clock, Sleeper.SYSTEM, OkxRateLimiter.shared(), 1L));
        ScanMarket market = new OkxScanMarket(okx, List.of());
        Journal journal = Journal.NONE;
        SignalPublisher publisher =
            new SignalPublisher(
                new PrintWriter(lines),
                tmp.resolve("signals.jsonl"),
                journal,
                java.util.Set.of(),
                AlertDispatcher.asynchronous(sinks, 1000, Duration.ofSeconds(30)),
                java.util.Optional.of(new org.smc4j.app.scan.SetupChartSignalRenderer()),
                clock)) {
      ScanLoop loop =
          new ScanLoop(
              loopConfig,
              StrategyConfig.DEFAULT,
              new PlanSizer(SizingParameters.DEFAULT),
              ScanPipeline.pipeline(Smc4jConfig.DEFAULT, clock, publisher.decisionJournal()),
              ScanPipeline.paperBrokers(Smc4jConfig.DEFAULT),
              market,
              clock,
              Sleeper.SYSTEM,
              pool,
              s -> {
                publisher.onSignal(s);
                signalAt.add(clock.millis() - close);
              });
      long warmStart = System.nanoTime();
      CycleReport warm = loop.cycle(warmClose);
      double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
      // Let the 2 s rate windows of the backfill pass, as the 5 minutes between closes would.
      Thread.sleep(2_500);
      stub.lastBar = signalBar;
      stub.requests.set(0);
      clock.setOffset(close - System.currentTimeMillis());
      long startAt = close + loopConfig.closeDelay().toMillis();
      while (clock.millis() < startAt) {
        Thread.sleep(1);
      }
      CycleReport report = loop.cycle(close);
      long cycleEnd = clock.millis() - close;
      // Wait for the alert threads (bounded by SignalPublisher.close below).
      long deadline = System.currentTimeMillis() + 60_000;
      while (stub.webhookTimes.size() < report.signals() && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      long lastAlert =
          stub.webhookTimes.stream().mapToLong(t -> t + clock.offset() - close).max().orElse(-1);
      long lastSignal = signalAt.stream().mapToLong(Long::longValue).max().orElse(-1);
      System.out.printf(
          Locale.ROOT,
          "run %d: warm-up cycle %d symbols in %.1f s; measured cycle: %d requests, %d signals,"
              + " cycle done at +%d ms, last signal line at +%d ms, last alert (of %d) at +%d ms"
              + " after the 5m close%s%n",
          run,
          warm.symbols(),
          warmSeconds,
          stub.requests.get(),
          report.signals(),
          cycleEnd,
          lastSignal,
          stub.webhookTimes.size(),
          lastAlert,
          report.failures().isEmpty() ? "" : "; failures " + report.failures());
    } finally {
      pool.shutdownNow();
    }
  }

  private static int indexOfOpen(BarArrays bars, long openMillis) {
    for (int i = 0; i < bars.size(); i++) {
      if (bars.openTimeMillis(i) == openMillis) {
        return i;
      }
    }
    throw new IllegalStateException("no bar opening at " + openMillis);
  }

  /** The system clock shifted by an offset that can be changed. */
  private static final class MutableOffsetClock implements java.time.InstantSource {
    private volatile long offset;

    MutableOffsetClock(long offset) {
      this.offset = offset;
    }

    void setOffset(long value) {
      offset = value;
    }

    long offset() {
      return offset;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
      return Clock.systemUTC().millis() + offset;
    }
  }

  /** The OKX stub: 50 ms per answer, every symbol serving the same candles. */
  private static final class Stub implements AutoCloseable {
    final HttpServer server;
    final ExecutorService executor = Executors.newFixedThreadPool(64);
    final BarArrays bars;
    final String instruments;
    final String tickers;
    final AtomicInteger requests = new AtomicInteger();
    final List<Long> webhookTimes = new CopyOnWriteArrayList<>();
    volatile int lastBar;

    Stub(BarArrays bars, List<String> symbols, String instrumentsFixture, String tickersFixture)
        throws IOException {
      this.bars = bars;
      ObjectNode inst = (ObjectNode) JSON.readTree(instrumentsFixture);
      JsonNode btcTemplate = null;
      for (JsonNode n : inst.get("data")) {
        if (n.path("instId").asText().equals("BTC-USDT-SWAP")) {
          btcTemplate = n;
        }
      }
      ArrayNode instData = JSON.createArrayNode();
      ObjectNode tick = (ObjectNode) JSON.readTree(tickersFixture);
      ObjectNode tickTemplate = (ObjectNode) tick.get("data").get(0);
      ArrayNode tickData = JSON.createArrayNode();
      int rank = symbols.size();
      for (String s : symbols) {
        ObjectNode i = ((ObjectNode) btcTemplate).deepCopy();
        i.put("instId", s);
        instData.add(i);
        ObjectNode t = tickTemplate.deepCopy();
        t.put("instId", s);
        t.put("last", "84000");
        t.put("volCcy24h", Integer.toString(1000 * rank--));
        tickData.add(t);
      }
      inst.set("data", instData);
      tick.set("data", tickData);
      this.instruments = JSON.writeValueAsString(inst);
      this.tickers = JSON.writeValueAsString(tick);
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.setExecutor(executor);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
      try {
        String path = ex.getRequestURI().getPath();
        if (path.startsWith("/api/webhooks/")) {
          ex.getRequestBody().readAllBytes();
          webhookTimes.add(System.currentTimeMillis());
          reply(ex, "{\"id\":\"1\"}");
          return;
        }
        requests.incrementAndGet();
        Thread.sleep(DELAY_MS);
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        switch (path) {
          case "/api/v5/market/tickers" -> reply(ex, tickers);
          case "/api/v5/public/instruments" -> reply(ex, instruments);
          default -> reply(ex, candles(q));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        ex.close();
      }
    }

    private String candles(Map<String, String> q) throws IOException {
      long after = q.containsKey("after") ? Long.parseLong(q.get("after")) : Long.MAX_VALUE;
      int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
      ObjectNode root = JSON.createObjectNode();
      root.put("code", "0");
      root.put("msg", "");
      ArrayNode data = root.putArray("data");
      int last = lastBar;
      int n = 0;
      for (int i = last + 1; i >= 0 && n < limit; i--) {
        if (bars.openTimeMillis(i) >= after) {
          continue;
        }
        ArrayNode r = data.addArray();
        r.add(Long.toString(bars.openTimeMillis(i)));
        r.add(Double.toString(bars.open(i)));
        r.add(Double.toString(bars.high(i)));
        r.add(Double.toString(bars.low(i)));
        r.add(Double.toString(bars.close(i)));
        r.add(Double.toString(bars.volume(i)));
        r.add(Double.toString(bars.volume(i)));
        r.add(Double.toString(bars.volume(i) * bars.close(i)));
        r.add(i <= last ? "1" : "0");
        n++;
      }
      return JSON.writeValueAsString(root);
    }

    private static void reply(HttpExchange ex, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
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

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
