package org.smc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.csv.CanonicalCandleCsvWriter;

/**
 * {@code smc4j download} end to end through {@link Smc4jMain#run} against a local OKX stub that
 * serves {@code /api/v5/market/history-candles} with OKX's paging semantics.
 */
class DownloadCommandTest {

  static {
    // Avoid the ~40 ms delayed-ACK stall of the JDK server's separate header and body writes.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String HISTORY = "/api/v5/market/history-candles";
  private static final long DAY_START = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
  private static final long M5 = Timeframe.M5.millis();

  @TempDir Path dir;

  private HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, BarArrays> served = new LinkedHashMap<>();
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failFromRequest = new AtomicInteger(Integer.MAX_VALUE);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    // One day of 5m bars; BTC misses 10:00..10:20 (5 bars).
    served.put("BTC-USDT-SWAP", day(100_000, 120, 125));
    served.put("ETH-USDT-SWAP", day(3_000, -1, -1));
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static BarArrays day(double base, int holeFrom, int holeTo) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < 288; i++) {
      if (i < holeFrom || i >= holeTo) {
        idx.add(i);
      }
    }
    int n = idx.size();
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      int i = idx.get(k);
      t[k] = DAY_START + i * M5;
      o[k] = base + i * 0.5;
      c[k] = base + i * 0.5 + 0.25;
      h[k] = c[k] + 1.1;
      l[k] = o[k] - 0.7;
      v[k] = 12.345 + i;
    }
    return BarArrays.of(Timeframe.M5, t, o, h, l, c, v);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    requests.add(query);
    String body;
    int status = 200;
    if (!exchange.getRequestURI().getPath().equals(HISTORY)) {
      status = 404;
      body = "{\"code\":\"404\",\"msg\":\"not stubbed\"}";
    } else if (requests.size() >= failFromRequest.get()) {
      body = "{\"code\":\"51000\",\"msg\":\"Parameter instId error\",\"data\":[]}";
    } else {
      body = page(served.get(query.get("instId")), query);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String page(BarArrays bars, Map<String, String> query) {
    long after = Long.parseLong(query.getOrDefault("after", Long.toString(Long.MAX_VALUE)));
    long before = Long.parseLong(query.getOrDefault("before", Long.toString(Long.MIN_VALUE)));
    int limit = Math.min(100, Integer.parseInt(query.getOrDefault("limit", "100")));
    List<String> rows = new ArrayList<>();
    for (int i = bars.size() - 1; i >= 0 && rows.size() < limit; i--) {
      long t = bars.openTimeMillis(i);
      if (t < after && t > before) {
        rows.add(
            "[\""
                + t
                + "\",\""
                + plain(bars.open(i))
                + "\",\""
                + plain(bars.high(i))
                + "\",\""
                + plain(bars.low(i))
                + "\",\""
                + plain(bars.close(i))
                + "\",\"1\",\""
                + plain(bars.volume(i))
                + "\",\"1\",\"1\"]");
      }
    }
    return "{\"code\":\"0\",\"msg\":\"\",\"data\":[" + String.join(",", rows) + "]}";
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).toPlainString();
  }

  /** The command's exit code, stdout and stderr. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Smc4jMain.run(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private String[] args(String symbols, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "download",
                "--symbols",
                symbols,
                "--timeframe",
                "5m",
                "--from",
                "2025-01-01",
                "--to",
                "2025-01-02",
                "--out",
                dir.toString(),
                "--okx-url",
                url()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private Path expectedFile(String instId) {
    Path expected = dir.resolve("expected-" + instId + ".csv");
    CanonicalCandleCsvWriter.write(expected, served.get(instId));
    return expected;
  }

  @Test
  void shouldDownloadEverySymbolIntoItsCanonicalCsvAndReportTheGap() throws IOException {
    Run run = run(args("BTC-USDT-SWAP,ETH-USDT-SWAP", "--progress-every", "1"));

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(dir.resolve("BTC-USDT-SWAP_5m.csv")))
        .isEqualTo(Files.readString(expectedFile("BTC-USDT-SWAP")));
    assertThat(Files.readString(dir.resolve("ETH-USDT-SWAP_5m.csv")))
        .isEqualTo(Files.readString(expectedFile("ETH-USDT-SWAP")));
    assertThat(Files.readAllLines(dir.resolve("BTC-USDT-SWAP_5m.csv")).get(1))
        .isEqualTo("2025-01-01T00:00:00Z,100000,100001.35,99999.3,100000.25,12.345");
    assertThat(run.out())
        .contains("BTC-USDT-SWAP 5m: wrote 283 bars to ")
        .contains(", 1 gaps (5 missing bars)")
        .contains("  gap: 5 bars missing between 2025-01-01T09:55:00Z and 2025-01-01T10:25:00Z")
        .contains("ETH-USDT-SWAP 5m: wrote 288 bars to ")
        .contains(", no gaps");
    // a progress line per page (not a terminal, --progress-every 1): 3 pages per symbol
    assertThat(run.err())
        .contains(
            "ETH-USDT-SWAP 5m: 288 bars, 3 pages, 100.0% of"
                + " 2025-01-01T00:00:00Z..2025-01-02T00:00:00Z, ETA ")
        .contains("BTC-USDT-SWAP 5m: 100 bars, 1 pages, 34.7% of");
    // 100-bar windows [before, after) moving forward
    assertThat(requests.get(0))
        .containsEntry("instId", "BTC-USDT-SWAP")
        .containsEntry("bar", "5m")
        .containsEntry("before", Long.toString(DAY_START - 1))
        .containsEntry("after", Long.toString(DAY_START + 100 * M5))
        .containsEntry("limit", "100");
    assertThat(requests).hasSize(6);
  }

  @Test
  void shouldResumeAfterTheLastRowWhenRunAgainAfterAnInterruption() throws IOException {
    failFromRequest.set(3); // pages 1 and 2 arrive, page 3 fails for good (51000)
    Run first = run(args("BTC-USDT-SWAP"));

    assertThat(first.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(first.err())
        .contains(
            "error: BTC-USDT-SWAP 5m: GET /api/v5/market/history-candles?instId=BTC-USDT-SWAP")
        .contains("OKX error code 51000: Parameter instId error");
    List<String> partial = Files.readAllLines(dir.resolve("BTC-USDT-SWAP_5m.csv"));
    assertThat(partial).hasSize(1 + 195); // header + 200 bars minus the 5 missing
    assertThat(partial.get(partial.size() - 1)).startsWith("2025-01-01T16:35:00Z,");

    failFromRequest.set(Integer.MAX_VALUE);
    requests.clear();
    Run second = run(args("BTC-USDT-SWAP"));

    assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.OK);
    assertThat(second.out())
        .contains("ends at 2025-01-01T16:35:00Z, resuming")
        .contains("wrote 88 bars");
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0))
        .containsEntry(
            "before", Long.toString(Instant.parse("2025-01-01T16:40:00Z").toEpochMilli() - 1));
    assertThat(Files.readString(dir.resolve("BTC-USDT-SWAP_5m.csv")))
        .isEqualTo(Files.readString(expectedFile("BTC-USDT-SWAP")));

    requests.clear();
    Run third = run(args("BTC-USDT-SWAP"));
    assertThat(third.exit()).isEqualTo(ExitCodes.OK);
    assertThat(third.out()).contains("BTC-USDT-SWAP 5m: up to date");
    assertThat(requests).isEmpty();
  }

  @Test
  void shouldReportUsageErrorsWithExitCode2() {
    Run badTf =
        run(
            "download",
            "--symbols",
            "BTC-USDT-SWAP",
            "--timeframe",
            "7m",
            "--from",
            "2025-01-01",
            "--out",
            dir.toString());
    assertThat(badTf.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badTf.err()).contains("--timeframe: timeframe 7m is not an OKX candle bar");

    Run badFrom =
        run(
            "download",
            "--symbols",
            "BTC-USDT-SWAP",
            "--timeframe",
            "5m",
            "--from",
            "yesterday",
            "--out",
            dir.toString());
    assertThat(badFrom.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badFrom.err())
        .contains("--from must be a UTC date like 2025-01-01 or an instant like");

    Run reversed =
        run(
            "download",
            "--symbols",
            "BTC-USDT-SWAP",
            "--timeframe",
            "5m",
            "--from",
            "2025-01-02",
            "--to",
            "2025-01-01",
            "--out",
            dir.toString());
    assertThat(reversed.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(reversed.err())
        .contains("--from 2025-01-02T00:00:00Z must be before --to 2025-01-01T00:00:00Z");

    Run badUrl =
        run(
            "download",
            "--symbols",
            "BTC-USDT-SWAP",
            "--timeframe",
            "5m",
            "--from",
            "2025-01-01",
            "--out",
            dir.toString(),
            "--okx-url",
            "ftp://example.org");
    assertThat(badUrl.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badUrl.err()).contains("--okx-url: baseUrl must be an http(s) URL");

    Run missing = run("download", "--symbols", "BTC-USDT-SWAP");
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("Missing required options");
    assertThat(requests).isEmpty();
  }

  @Test
  void shouldRefuseToAppendToAFileWithAnotherHeader() throws IOException {
    Files.writeString(
        dir.resolve("BTC-USDT-SWAP_5m.csv"), "timestamp,open,high,low,close,volume\n");
    Run run = run(args("BTC-USDT-SWAP,ETH-USDT-SWAP"));

    assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("error: BTC-USDT-SWAP 5m: ").contains("header");
    // the other symbol is still downloaded
    assertThat(run.out()).contains("ETH-USDT-SWAP 5m: wrote 288 bars");
  }
}
