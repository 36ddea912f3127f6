package org.smc4j.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smc4j.backtest.report.ChartImages.decodePng;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.InferredContractSpec;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.order.AlternativeExit;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.Trade;

class HtmlReportWriterTest {

  private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"");

  @TempDir static Path dir;

  private static BacktestResult result;
  private static Map<String, BarArrays> candles;
  private static Path html;
  private static ReportFile written;

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
    written =
        HtmlReportWriter.DEFAULT.write(
            html,
            new BacktestReport(
                "BTC & SOL <January 2025>",
                result,
                candles,
                List.of("contract specs: inferred from candles")));
  }

  static String page() throws IOException {
    return Files.readString(html, StandardCharsets.UTF_8);
  }

  @Test
  void shouldEmbedOneDecodablePngChartPerTradePlusTheCurves() throws IOException {
    assertThat(result.trades()).hasSizeGreaterThan(10);
    assertThat(written.tradeCharts()).isEqualTo(result.trades().size());
    assertThat(written.bytes()).isEqualTo(Files.size(html));
    String page = page();
    Matcher m = DATA_URI.matcher(page);
    int images = 0;
    while (m.find()) {
      BufferedImage image = decodePng(Base64.getDecoder().decode(m.group(1)));
      assertThat(image.getWidth()).isGreaterThanOrEqualTo(880);
      assertThat(ChartImages.distinctColours(image)).isGreaterThan(20);
      images++;
    }
    // one total curve and one per symbol
    assertThat(images).isEqualTo(result.trades().size() + 3);
    assertThat(count(page, "<img class=\"trade\"")).isEqualTo(result.trades().size());
    assertThat(count(page, "<img class=\"equity\"")).isEqualTo(3);
  }

  @Test
  void shouldBeSelfContained() throws IOException {
    String page = page();
    assertThat(page).doesNotContain("http://", "https://", "src=\"//", "<link", "url(");
    List<String> sources = new ArrayList<>();
    Matcher m = Pattern.compile("src=\"([^\"]{0,30})").matcher(page);
    while (m.find()) {
      sources.add(m.group(1));
    }
    assertThat(sources).isNotEmpty().allMatch(s -> s.startsWith("data:image/png;base64,"));
  }

  @Test
  void shouldShowTheEngineMetricsPerSymbolAndTotalAndEscapeTheTitle() throws IOException {
    String page = page();
    assertThat(page).contains("<title>BTC &amp; SOL &lt;January 2025&gt;</title>");
    assertThat(page).contains("<li>contract specs: inferred from candles</li>");
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(result.trades(), result.from(), result.to());
    for (PerformanceMetrics p : metrics.values()) {
      String row = row(page, p.scope());
      assertThat(row)
          .contains("<td>" + p.trades() + "</td><td>" + p.wins() + "</td>")
          .contains(String.format(Locale.ROOT, "%.4f", p.netPnl()))
          .contains(String.format(Locale.ROOT, "%.4f", p.optimisticNetPnl()));
    }
    assertThat(count(page, "<tr><td><a href=\"#trade-")).isEqualTo(result.trades().size());
    assertThat(page).contains("id=\"trade-" + result.trades().size() + "\"");
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
    assertThat(f.tradeCharts()).isEqualTo(1);
    // pessimistic: (99.7 - 100.6) * 1.4 - 0.05 - 0.05 = -1.36; optimistic: 1.3 * 1.4 - 0.08 = 1.74
    assertThat(row(page, "ALL")).contains("-1.3600", "1.7400");
    assertThat(page)
        .contains("1 trade(s) touched stop and target in one candle")
        .contains("(STOP), net -1.3600 USDT, -1.36R, ambiguous<br>")
        .contains(
            "MSS trigger at 100.4, score 3 (decisive-break, poi-fvg, golden-pocket),"
                + " POI 100.1 - 100.6, 5m ATR 0.3</figcaption>");
  }

  @Test
  void shouldLoadWithoutErrorsInHeadlessChromium(@TempDir Path profile)
      throws IOException, InterruptedException {
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
                "--user-data-dir=" + profile.resolve("user-data"),
                "--virtual-time-budget=5000",
                "--dump-dom",
                html.toUri().toString())
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
    String loaded = Files.readString(dom, StandardCharsets.UTF_8);
    assertThat(loaded)
        .contains("data-images=\"" + (result.trades().size() + 3) + "\"")
        .contains("data-broken-images=\"0\"")
        .contains("data-errors=\"0\"")
        .contains("id=\"metrics\"");
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

  static String row(String page, String scope) {
    int start = page.indexOf("<td class=\"l\">" + scope + "</td>");
    assertThat(start).as("metrics row of " + scope).isPositive();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int k = text.indexOf(needle); k >= 0; k = text.indexOf(needle, k + needle.length())) {
      n++;
    }
    return n;
  }
}
