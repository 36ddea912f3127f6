package org.smc4j.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.output.RunInfo;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.order.AlternativeExit;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.Trade;

class HtmlReportWriterTest {

  private static final Pattern SYMBOL_DATA =
      Pattern.compile(
          "\\{\"name\":\"([A-Z0-9]+)\",\"dec\":(-?\\d+),\"t0\":(\\d+),\"unit\":(\\d+),"
              + "\"n\":(\\d+),\"gaps\":\\[[^\\]]*\\],\"o\":\"([^\"]*)\",\"c\":\"([^\"]*)\","
              + "\"h\":\"([^\"]*)\",\"l\":\"([^\"]*)\"\\}");

  @TempDir static Path dir;

  private static BacktestResult result;
  private static Map<String, BarArrays> candles;
  private static Path html;
  private static ReportFile written;
  private static RunInfo run;
  private static final List<String> steps = new ArrayList<>();

  static BarArrays january(String symbol) {
    Path file =
        SharedData.requireData("binance-usdm/" + symbol + "/5m/" + symbol + "-5m-2025-01.csv");
    return CandleCsvReader.STRICT.read(file).bars();
  }

  @BeforeAll
  static void backtestJanuaryAndWriteTheReport() throws IOException {
    BarArrays btc = january("BTCUSDT");
    BarArrays sol = january("SOLUSDT");
    candles = Map.of("BTCUSDT", btc, "SOLUSDT", sol);
    List<SymbolInput> inputs =
        List.of(
            new SymbolInput(
                "BTCUSDT", btc, Optional.empty(), InferredContractSpec.from("BTCUSDT", btc)),
            new SymbolInput(
                "SOLUSDT", sol, Optional.empty(), InferredContractSpec.from("SOLUSDT", sol)));
    result =
        new BacktestEngine(BacktestSettings.defaults(StrategyConfig.DEFAULT).withThreads(2))
            .run(inputs, Journal.NONE, ProgressListener.NONE);
    html = dir.resolve("report.html");
    run =
        RunInfo.start(
            "smc4j backtest --data <january> --out x",
            Clock.fixed(Instant.parse("2025-02-01T10:00:00Z"), ZoneOffset.UTC));
    written =
        HtmlReportWriter.DEFAULT.write(
            html,
            new BacktestReport(
                    "BTC & SOL <January 2025>",
                    result,
                    candles,
                    List.of("contract specs: inferred from candles"))
                .withRun(run),
            (done, total, step) -> steps.add(done + "/" + total + " " + step));
  }

  static String page() throws IOException {
    return Files.readString(html, StandardCharsets.UTF_8);
  }

  @Test
  void shouldEmbedEverySymbolsCandlesAsDecodableColumns() throws IOException {
    String page = page();
    Matcher m = SYMBOL_DATA.matcher(page);
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      String symbol = m.group(1);
      BarArrays bars = candles.get(symbol);
      CandleColumns columns =
          new CandleColumns(
              Integer.parseInt(m.group(2)),
              Long.parseLong(m.group(3)),
              Long.parseLong(m.group(4)),
              Integer.parseInt(m.group(5)),
              List.of(),
              m.group(6),
              m.group(7),
              m.group(8),
              m.group(9));
      assertThat(columns).isEqualTo(CandleColumns.of(bars));
      CandleColumnsTest.Decoded d = CandleColumnsTest.decode(columns);
      assertThat(d.time()).containsExactly(bars.openTimeMillisUnsafe());
      assertThat(d.close()[bars.size() - 1]).isEqualTo(bars.close(bars.size() - 1));
      seen.add(symbol);
    }
    assertThat(seen).containsExactly("BTCUSDT", "SOLUSDT");
    assertThat(written.charts()).isEqualTo(2);
    assertThat(written.trades()).isEqualTo(result.trades().size()).isGreaterThan(10);
    assertThat(written.bytes()).isEqualTo(Files.size(html));
    // every trade is in the data columns the charts draw from
    Matcher sym = Pattern.compile("\"trades\":\\{\"sym\":\\[([0-9,]*)\\]").matcher(page);
    assertThat(sym.find()).isTrue();
    assertThat(sym.group(1).split(",")).hasSize(result.trades().size());
  }

  @Test
  void shouldTellProgressPerSymbolThenTheSize() {
    long btcTrades = result.trades().stream().filter(t -> t.symbol().equals("BTCUSDT")).count();
    assertThat(steps)
        .hasSize(3)
        .startsWith(
            String.format(Locale.ROOT, "1/3 BTCUSDT: 8,928 candles, %d trade(s)", btcTrades))
        .endsWith(String.format(Locale.ROOT, "3/3 %,d bytes", written.bytes()));
    assertThat(steps.get(1)).startsWith("2/3 SOLUSDT: 8,928 candles, ");
  }

  @Test
  void shouldBeSelfContainedWithTheEChartsLibraryInline() throws IOException {
    String page = page();
    // four inline scripts (load check, data, ECharts, report.js), none loading a file
    assertThat(count(page, "<script")).isEqualTo(4);
    assertThat(count(page, "<script>") + count(page, "<script type=\"application/json\""))
        .isEqualTo(4);
    assertThat(page.contains(EChartsLibrary.script())).as("ECharts inline").isTrue();
    assertThat(EChartsLibrary.version()).isEqualTo("5.3.1");
    // the markup outside the scripts refers to no other file or host
    String markup =
        Pattern.compile("<script[^>]*>.*?</script>", Pattern.DOTALL)
            .matcher(page)
            .replaceAll("<script></script>");
    assertThat(markup.length()).isLessThan(page.length() / 4);
    assertThat(markup)
        .doesNotContain("<link", "<img", "<iframe", "@import", "src=", "url(", "http:", "https:");
  }

  @Test
  void shouldNameItsRun() throws IOException {
    assertThat(page())
        .contains("Run <b>" + run.id() + "</b>, started 2025-02-01T10:00:00Z by process ")
        .contains("<code>smc4j backtest --data &lt;january&gt; --out x</code>");
  }

  @Test
  void shouldShowTheEngineMetricsPerSymbolAndTotalInUsdtAndInR() throws IOException {
    String page = page();
    assertThat(page).contains("<title>BTC &amp; SOL &lt;January 2025&gt;</title>");
    assertThat(page).contains("<li>contract specs: inferred from candles</li>");
    String usdt = table(page, "metrics");
    String r = table(page, "metrics-r");
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(result.trades(), result.from(), result.to());
    assertThat(metrics).containsKeys("BTCUSDT", "SOLUSDT", "ALL");
    for (PerformanceMetrics p : metrics.values()) {
      List<Trade> scope =
          result.trades().stream()
              .filter(t -> p.scope().equals("ALL") || t.symbol().equals(p.scope()))
              .toList();
      double rGross = scope.stream().mapToDouble(Trade::rGross).sum();
      assertThat(row(usdt, p.scope()))
          .contains("<td>" + p.trades() + "</td><td>" + p.wins() + "</td>")
          .contains(String.format(Locale.ROOT, "%.4f", p.grossPnl()))
          .contains(String.format(Locale.ROOT, "%.4f", p.netPnl()))
          .contains(String.format(Locale.ROOT, "%.4f", p.optimisticNetPnl()))
          .contains(String.format(Locale.ROOT, "%.4f", p.maxDrawdown()));
      assertThat(row(r, p.scope()))
          .contains("<td>" + p.trades() + "</td><td>" + p.wins() + "</td>")
          .contains(String.format(Locale.ROOT, "%.3f", rGross))
          .contains(String.format(Locale.ROOT, "%.3f", p.totalRNet()))
          .contains(String.format(Locale.ROOT, "%.2f", p.maxDrawdownR()));
    }
  }

  @Test
  void shouldListEveryTradeWithARowThatLinksToItsChart() throws IOException {
    String page = page();
    String trades = table(page, "trades");
    assertThat(count(trades, "<tr id=\"t")).isEqualTo(result.trades().size());
    assertThat(
            count(trades, "<a href=\"#chart-BTCUSDT\">")
                + count(trades, "<a href=\"#chart-SOLUSDT\">"))
        .isEqualTo(result.trades().size());
    assertThat(page).contains("<section class=\"symbol\" id=\"chart-BTCUSDT\">");
    assertThat(page).contains("<div class=\"chart\" id=\"chart-1\">");
    Trade first =
        result.trades().stream()
            .min(java.util.Comparator.comparing(Trade::entryTime).thenComparing(Trade::symbol))
            .orElseThrow();
    assertThat(row(trades, first.symbol()))
        .contains(HtmlReportWriter.price(first.entryPrice()))
        .contains(HtmlReportWriter.price(first.intent().stop()))
        .contains(first.exitReason().name());
  }

  @Test
  void shouldGroupSkipAndCancelReasonsByKind() throws IOException {
    String page = page();
    long busy =
        result.signals().stream()
            .filter(s -> s.reason().orElse("").startsWith("one position per symbol: "))
            .count();
    assertThat(busy).isPositive();
    assertThat(page)
        .contains("<tr><td class=\"l\">skipped: one position per symbol</td><td>" + busy + "</td>");
    long poiDied =
        result.cancellations().stream()
            .filter(c -> c.reason() == org.smc4j.trading.order.CancelReason.POI_DIED)
            .count();
    if (poiDied > 0) {
      assertThat(page)
          .contains("<tr><td class=\"l\">cancelled: POI_DIED</td><td>" + poiDied + "</td>");
    }
  }

  @Test
  void shouldGivePessimisticAndOptimisticTotalsForAnAmbiguousTrade(@TempDir Path out)
      throws IOException {
    Trade base = SetupChartRendererTest.trade(true);
    // stop and target in one candle: stopped at 99.8 (booked), target 101.9 the alternative
    Trade ambiguous =
        new Trade(
            base.intent(),
            base.entryTime(),
            base.entryPrice(),
            Liquidity.TAKER,
            base.entryFee(),
            0.1,
            base.entryTime().plusSeconds(600),
            99.7,
            Liquidity.TAKER,
            0.05,
            0.1,
            ExitReason.STOP,
            0,
            0,
            true,
            Optional.of(new AlternativeExit(101.9, Liquidity.MAKER, 0.03, ExitReason.TARGET)));
    BacktestResult r =
        new BacktestResult(
            List.of(ambiguous),
            List.of(),
            List.of(),
            List.of(),
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-02T00:00:00Z"),
            120);
    Path file = out.resolve("one.html");
    ReportFile f =
        HtmlReportWriter.DEFAULT.write(
            file,
            new BacktestReport(
                "one", r, Map.of("TEST", SetupChartRendererTest.zigZag()), List.of()));
    String page = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(f.trades()).isEqualTo(1);
    assertThat(f.charts()).isEqualTo(1);
    // pessimistic: (99.7 - 100.6) * 1.4 - 0.05 - 0.05 = -1.36; optimistic: 1.3 * 1.4 - 0.08 = 1.74
    assertThat(row(table(page, "metrics"), "ALL")).contains("-1.3600", "1.7400");
    assertThat(page).contains("1 trade(s) touched stop and target in one candle");
    // the trade row: gross (99.7 - 100.6) * 1.4 = -1.26, net -1.36 = -1.36R, ambiguous
    assertThat(row(table(page, "trades"), "TEST"))
        .contains("<td class=\"l\">MSS 3</td>")
        .contains("<td class=\"neg\">-1.2600</td>")
        .contains("<td class=\"neg\">-1.3600</td><td class=\"neg\">-1.36*</td>");
  }

  @Test
  void shouldWriteAReportWithoutTradesAndRefuseTradesWithoutCandles(@TempDir Path out)
      throws IOException, InterruptedException {
    BacktestResult none =
        new BacktestResult(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-02T00:00:00Z"),
            120);
    ReportFile f =
        HtmlReportWriter.DEFAULT.write(
            out.resolve("none.html"),
            new BacktestReport(
                "none", none, Map.of("TEST", SetupChartRendererTest.zigZag()), List.of()));
    assertThat(f.trades()).isZero();
    assertThat(f.charts()).isEqualTo(1);
    assertThat(Files.readString(f.file(), StandardCharsets.UTF_8))
        .contains("<h2>Trades</h2>\n<p>No trade.</p>")
        .contains("\"trades\":{\"sym\":[]");
    if (onPath("chromium").isPresent()) {
      assertThat(body(loadInChromium(out, f.file().toUri().toString())))
          .contains("data-errors=\"0\"")
          .contains("data-charts=\"1\"");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new BacktestReport(
                    "x", result, Map.of("BTCUSDT", candles.get("BTCUSDT")), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no candles to chart the trades of SOLUSDT");
  }

  @Test
  void shouldLoadWithoutErrorsAndDrawEveryChartInHeadlessChromiumAt1400Pixels(@TempDir Path profile)
      throws IOException, InterruptedException {
    String loaded = loadInChromium(profile, html.toUri().toString());
    assertThat(body(loaded))
        .contains("data-errors=\"0\"")
        .contains("data-charts=\"2\"")
        .containsPattern("data-draw-ms=\"\\d+\"")
        .as("every table fits 1400 px: %s", body(loaded))
        .contains("data-overflow=\"0\"");
    for (int s = 0; s < 2; s++) {
      String chart = element(loaded, "chart-" + s);
      assertThat(chart).as("chart %d", s).contains("<canvas");
      // zoomed out over a month: candles merged to about one per 2 pixels
      Matcher candles = Pattern.compile("data-candles=\"(\\d+)\"").matcher(chart);
      assertThat(candles.find()).as("chart %d draws candles", s).isTrue();
      assertThat(Integer.parseInt(candles.group(1))).isBetween(300, 1000);
      assertThat(chart).doesNotContain("data-merged=\"1\"");
    }
    assertThat(element(loaded, "equity")).contains("<canvas").contains("data-unit=\"USDT\"");
  }

  @Test
  void shouldZoomToATradeFromItsLink(@TempDir Path profile)
      throws IOException, InterruptedException {
    String loaded = loadInChromium(profile, html.toUri() + "#trade-2");
    assertThat(body(loaded)).contains("data-errors=\"0\"");
    Trade second =
        result.trades().stream()
            .sorted(java.util.Comparator.comparing(Trade::entryTime).thenComparing(Trade::symbol))
            .skip(1)
            .findFirst()
            .orElseThrow();
    int s = second.symbol().equals("BTCUSDT") ? 0 : 1;
    // one candle per bar around the trade, its row marked, its text above the chart
    assertThat(element(loaded, "chart-" + s)).contains("data-merged=\"1\"");
    assertThat(element(loaded, "chart-" + (1 - s))).doesNotContain("data-merged=\"1\"");
    assertThat(loaded).contains("<tr id=\"t2\" class=\"on\">");
    assertThat(element(loaded, "sel-" + s))
        .contains("#2 " + second.symbol() + " " + second.side())
        .contains("(" + second.exitReason() + ")");
  }

  /** Loads a page in headless Chromium at 1400 x 1800 pixels and returns its DOM. */
  static String loadInChromium(Path profile, String url) throws IOException, InterruptedException {
    Optional<Path> chromium = onPath("chromium");
    Assumptions.assumeTrue(
        chromium.isPresent(),
        "chromium is not installed (Debian package 'chromium'): browser load test skipped");
    Path dom = profile.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                chromium.get().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1800",
                "--user-data-dir=" + profile.resolve("user-data"),
                "--virtual-time-budget=10000",
                "--dump-dom",
                url)
            .redirectOutput(dom.toFile())
            .redirectError(profile.resolve("stderr.txt").toFile())
            .start();
    boolean finished = p.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("chromium finished within 120 s").isTrue();
    assertThat(p.exitValue())
        .as("chromium exit code; stderr: %s", Files.readString(profile.resolve("stderr.txt")))
        .isZero();
    return Files.readString(dom, StandardCharsets.UTF_8);
  }

  static String body(String dom) {
    Matcher m = Pattern.compile("<body[^>]*>").matcher(dom);
    assertThat(m.find()).as("a <body> element").isTrue();
    return m.group();
  }

  /** The element with the given id, from its start tag to the next element's id. */
  static String element(String dom, String id) {
    int start = dom.lastIndexOf('<', dom.indexOf("id=\"" + id + "\""));
    assertThat(start).as("element " + id).isNotNegative();
    int end = dom.indexOf(" id=\"", dom.indexOf('>', start));
    return dom.substring(start, end < 0 ? dom.length() : end);
  }

  static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(File.pathSeparator)) {
      Path candidate = Path.of(d, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The first row of a table whose cells include {@code <td class="l">cell</td>}. */
  static String row(String table, String cell) {
    int start = table.indexOf("<td class=\"l\">" + cell + "</td>");
    assertThat(start).as("row of " + cell).isPositive();
    return table.substring(start, table.indexOf("</tr>", start));
  }

  /** The table with the given id. */
  static String table(String page, String id) {
    int start = page.indexOf("<table id=\"" + id + "\">");
    assertThat(start).as("table " + id).isPositive();
    return page.substring(start, page.indexOf("</table>", start));
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int k = text.indexOf(needle); k >= 0; k = text.indexOf(needle, k + needle.length())) {
      n++;
    }
    return n;
  }
}
