package org.smc4j.backtest.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.smc4j.backtest.metrics.EquityCurve;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.order.Trade;

/**
 * Writes a {@link BacktestReport} as one self-contained HTML file: every image is embedded as a
 * {@code data:image/png;base64} URI, the style sheet and the small load-check script are inline,
 * and nothing refers to another file or host. The page shows the metrics per symbol and in total
 * (with the pessimistic and the optimistic net P&amp;L when trades were ambiguous), the equity and
 * drawdown curves (total and per symbol), the signal decisions and cancellations, a table of all
 * trades, and one {@link SetupChart} image per trade.
 *
 * <p>When the page has loaded, its script sets {@code data-images}, {@code data-broken-images} and
 * {@code data-errors} on {@code <body>} (the number of images, of images that failed to decode, and
 * of script or resource errors), so a headless browser can check the page.
 */
public final class HtmlReportWriter {

  /** 880 x 420 trade charts, 1000 x 420 equity curves. */
  public static final HtmlReportWriter DEFAULT =
      new HtmlReportWriter(new SetupChartRenderer(880, 420));

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int MAX_REASONS = 15;

  private final SetupChartRenderer tradeCharts;
  private final EquityChartRenderer curves = new EquityChartRenderer(1000, 420);

  /**
   * Creates a writer.
   *
   * @param tradeCharts draws the chart of each trade
   */
  public HtmlReportWriter(SetupChartRenderer tradeCharts) {
    this.tradeCharts = Objects.requireNonNull(tradeCharts, "tradeCharts");
  }

  /**
   * Writes the report, replacing the file. Trade charts are rendered in parallel.
   *
   * @param file the HTML file
   * @param report what to show
   * @return the file, with the number of trade charts and its size
   * @throws IOException when the file cannot be written
   */
  public ReportFile write(Path file, BacktestReport report) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(report, "report");
    BacktestResult result = report.result();
    List<Trade> trades = result.trades();
    List<String> images =
        IntStream.range(0, trades.size())
            .parallel()
            .mapToObj(
                k -> {
                  Trade t = trades.get(k);
                  SetupChart chart = SetupChart.ofTrade(t, report.candles().get(t.symbol()));
                  return base64(tradeCharts.renderPng(chart));
                })
            .toList();
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(trades, result.from(), result.to());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      head(out, report.title());
      out.write("<h1>" + esc(report.title()) + "</h1>\n");
      summary(out, report, result);
      metricsTable(out, metrics);
      curves(out, result, trades, metrics);
      signals(out, result.signals(), result.cancellations());
      tradeTable(out, trades);
      tradeCharts(out, trades, images);
      out.write("</body>\n</html>\n");
    }
    return new ReportFile(file, images.size(), Files.size(file));
  }

  private static void head(Writer out, String title) throws IOException {
    out.write(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>"""
            + esc(title)
            + """
            </title>
            <style>
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
            th,td{border:1px solid #ddd;padding:.25em .5em;text-align:right;white-space:nowrap}
            th{background:#f3f3f3}td.l,th.l{text-align:left}
            tr.total td{font-weight:bold;background:#fafafa}
            .neg{color:#c62828}.pos{color:#2e7d32}.note{color:#555;font-size:.9em}
            figure{margin:1.2em 0}figcaption{font-size:.85em;color:#444}
            img{max-width:100%;height:auto;border:1px solid #eee}.wide{overflow-x:auto}
            </style>
            <script>
            (function () {
              var errors = 0;
              window.addEventListener('error', function () { errors++; }, true);
              window.addEventListener('load', function () {
                var imgs = document.images, broken = 0;
                for (var i = 0; i < imgs.length; i++) {
                  if (!imgs[i].complete || imgs[i].naturalWidth === 0) { broken++; }
                }
                document.body.setAttribute('data-images', String(imgs.length));
                document.body.setAttribute('data-broken-images', String(broken));
                document.body.setAttribute('data-errors', String(errors));
              });
            })();
            </script>
            </head>
            <body>
            """);
  }

  private static void summary(Writer out, BacktestReport report, BacktestResult result)
      throws IOException {
    out.write("<p>Period " + time(result.from()) + " to " + time(result.to()) + " UTC, ");
    out.write(result.bars() + " 5m candles of " + report.candles().size() + " symbol(s): ");
    out.write(esc(String.join(", ", new TreeMap<>(report.candles()).keySet())) + ".</p>\n");
    if (!report.notes().isEmpty() || !result.failures().isEmpty()) {
      out.write("<ul class=\"note\">\n");
      for (String note : report.notes()) {
        out.write("<li>" + esc(note) + "</li>\n");
      }
      for (var f : result.failures()) {
        out.write(
            "<li class=\"neg\">" + esc(f.symbol()) + " failed: " + esc(f.message()) + "</li>\n");
      }
      out.write("</ul>\n");
    }
  }

  private static void metricsTable(Writer out, Map<String, PerformanceMetrics> metrics)
      throws IOException {
    out.write("<h2>Metrics</h2>\n<div class=\"wide\"><table id=\"metrics\">\n<tr>");
    String[] heads = {
      "scope",
      "trades",
      "wins",
      "win rate",
      "avg R net",
      "expectancy $",
      "profit factor",
      "gross $",
      "net $ (pessimistic)",
      "net $ (optimistic)",
      "ambiguous",
      "total R net",
      "max DD $",
      "max DD R net",
      "Sharpe",
      "Sortino",
      "exposure",
      "fees $",
      "funding $",
      "slippage $"
    };
    for (int k = 0; k < heads.length; k++) {
      out.write("<th" + (k == 0 ? " class=\"l\"" : "") + ">" + esc(heads[k]) + "</th>");
    }
    out.write("</tr>\n");
    for (PerformanceMetrics m : metrics.values()) {
      boolean total = m.scope().equals(PerformanceMetrics.ALL);
      out.write(total ? "<tr class=\"total\">" : "<tr>");
      out.write("<td class=\"l\">" + esc(m.scope()) + "</td>");
      cell(out, Integer.toString(m.trades()));
      cell(out, Integer.toString(m.wins()));
      cell(out, opt(m.winRate(), 100, "%.1f%%"));
      cell(out, opt(m.averageRNet(), 1, "%.3f"));
      cell(out, opt(m.expectancy(), 1, "%.4f"));
      cell(out, opt(m.profitFactor(), 1, "%.3f"));
      money(out, m.grossPnl());
      money(out, m.netPnl());
      money(out, m.optimisticNetPnl());
      cell(out, Integer.toString(m.ambiguousTrades()));
      money(out, m.totalRNet());
      cell(out, String.format(Locale.ROOT, "%.2f", m.maxDrawdown()));
      cell(out, String.format(Locale.ROOT, "%.2f", m.maxDrawdownR()));
      cell(out, opt(m.sharpe(), 1, "%.2f"));
      cell(out, opt(m.sortino(), 1, "%.2f"));
      cell(out, String.format(Locale.ROOT, "%.1f%%", m.exposure() * 100));
      cell(out, String.format(Locale.ROOT, "%.2f", m.fees()));
      cell(out, String.format(Locale.ROOT, "%.2f", m.funding()));
      cell(out, String.format(Locale.ROOT, "%.2f", m.slippage()));
      out.write("</tr>\n");
    }
    out.write("</table></div>\n");
    PerformanceMetrics all = metrics.get(PerformanceMetrics.ALL);
    out.write("<p class=\"note\">Net is after fees and funding. ");
    if (all.ambiguousTrades() > 0) {
      out.write(
          all.ambiguousTrades()
              + " trade(s) touched stop and target in one candle that no 1m candles resolved:"
              + " the pessimistic total books their stop, the optimistic total their target.");
    } else {
      out.write("No trade was ambiguous: pessimistic and optimistic totals agree.");
    }
    out.write(
        " Sharpe and Sortino: daily net P&amp;L, annualised with &radic;365;"
            + " drawdowns of cumulative net P&amp;L from its running peak.</p>\n");
  }

  private void curves(
      Writer out,
      BacktestResult result,
      List<Trade> trades,
      Map<String, PerformanceMetrics> metrics)
      throws IOException {
    out.write("<h2>Equity and drawdown</h2>\n");
    Map<String, List<Trade>> scopes = new LinkedHashMap<>();
    scopes.put(PerformanceMetrics.ALL, trades);
    for (String scope : metrics.keySet()) {
      if (!scope.equals(PerformanceMetrics.ALL)) {
        scopes.put(scope, trades.stream().filter(t -> t.symbol().equals(scope)).toList());
      }
    }
    if (scopes.size() == 2) {
      // one symbol: its curve is the total's
      scopes.keySet().removeIf(k -> !k.equals(PerformanceMetrics.ALL));
    }
    for (Map.Entry<String, List<Trade>> e : scopes.entrySet()) {
      String title =
          (e.getKey().equals(PerformanceMetrics.ALL) ? "All symbols" : e.getKey())
              + ": cumulative net P&L and drawdown (USDT)";
      byte[] png =
          curves.renderPng(title, EquityCurve.of(e.getValue()), result.from(), result.to());
      out.write(
          "<figure><img class=\"equity\" alt=\""
              + esc(title)
              + "\" src=\"data:image/png;base64,"
              + base64(png)
              + "\"></figure>\n");
    }
  }

  private static void signals(
      Writer out, List<SignalRecord> signals, List<OrderCancellation> cancellations)
      throws IOException {
    long taken = signals.stream().filter(s -> s.status() == SignalStatus.TAKEN).count();
    out.write("<h2>Signals</h2>\n<p>" + signals.size() + " signal(s): " + taken + " taken, ");
    out.write((signals.size() - taken) + " skipped; " + cancellations.size());
    out.write(" pending entr" + (cancellations.size() == 1 ? "y" : "ies") + " cancelled.</p>\n");
    // reasons carry numbers (times, sizes): group them by their label, and show the first full
    // reason of each group as an example
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, String> examples = new TreeMap<>();
    for (SignalRecord sig : signals) {
      sig.skip()
          .ifPresent(
              r -> {
                String kind = "skipped: " + r.label();
                counts.merge(kind, 1, Integer::sum);
                examples.putIfAbsent(kind, r.message());
              });
    }
    for (OrderCancellation c : cancellations) {
      String kind = "cancelled: " + c.reason();
      counts.merge(kind, 1, Integer::sum);
      examples.putIfAbsent(kind, c.detail());
    }
    if (counts.isEmpty()) {
      return;
    }
    List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
    top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    out.write(
        "<div class=\"wide\"><table id=\"reasons\"><tr><th class=\"l\">reason</th><th>count</th>"
            + "<th class=\"l\">first example</th></tr>\n");
    for (Map.Entry<String, Integer> e : top.subList(0, Math.min(MAX_REASONS, top.size()))) {
      out.write(
          "<tr><td class=\"l\">"
              + esc(e.getKey())
              + "</td><td>"
              + e.getValue()
              + "</td><td class=\"l\">"
              + esc(examples.get(e.getKey()))
              + "</td></tr>\n");
    }
    if (top.size() > MAX_REASONS) {
      int rest = top.subList(MAX_REASONS, top.size()).stream().mapToInt(Map.Entry::getValue).sum();
      out.write(
          "<tr><td class=\"l\">"
              + (top.size() - MAX_REASONS)
              + " other kinds</td><td>"
              + rest
              + "</td><td></td></tr>\n");
    }
    out.write("</table></div>\n");
  }

  private static void tradeTable(Writer out, List<Trade> trades) throws IOException {
    out.write("<h2>Trades</h2>\n");
    if (trades.isEmpty()) {
      out.write("<p>No trade.</p>\n");
      return;
    }
    out.write("<div class=\"wide\"><table id=\"trades\">\n<tr>");
    String[] heads = {
      "#",
      "symbol",
      "side",
      "trigger",
      "score",
      "entry time",
      "entry",
      "stop",
      "target",
      "exit time",
      "exit",
      "reason",
      "quantity",
      "gross $",
      "fees $",
      "funding $",
      "net $",
      "R net",
      "ambiguous"
    };
    for (String h : heads) {
      out.write("<th>" + esc(h) + "</th>");
    }
    out.write("</tr>\n");
    List<Trade> sorted = sortedByEntry(trades);
    for (int k = 0; k < sorted.size(); k++) {
      Trade t = sorted.get(k);
      out.write("<tr><td><a href=\"#trade-" + (k + 1) + "\">" + (k + 1) + "</a></td>");
      cellL(out, t.symbol());
      cellL(out, t.side().name());
      cellL(out, t.intent().details().map(SetupDetails::trigger).orElse(""));
      cell(out, t.intent().details().map(d -> Integer.toString(d.score())).orElse(""));
      cellL(out, time(t.entryTime()));
      cell(out, SetupChartRenderer.fmt(t.entryPrice()));
      cell(out, SetupChartRenderer.fmt(t.intent().stop()));
      cell(out, SetupChartRenderer.fmt(t.intent().target()));
      cellL(out, time(t.exitTime()));
      cell(out, SetupChartRenderer.fmt(t.exitPrice()));
      cellL(out, t.exitReason().name());
      cell(out, SetupChartRenderer.fmt(t.quantity()));
      money(out, t.grossPnl());
      cell(out, String.format(Locale.ROOT, "%.4f", t.fees()));
      cell(out, String.format(Locale.ROOT, "%.4f", t.funding()));
      money(out, t.netPnl());
      money(out, t.rNet());
      cell(out, t.ambiguous() ? "yes" : "");
      out.write("</tr>\n");
    }
    out.write("</table></div>\n");
  }

  private static void tradeCharts(Writer out, List<Trade> trades, List<String> images)
      throws IOException {
    if (trades.isEmpty()) {
      return;
    }
    out.write("<h2>Trade charts</h2>\n");
    List<Integer> order =
        IntStream.range(0, trades.size())
            .boxed()
            .sorted(
                Comparator.comparing((Integer k) -> trades.get(k).entryTime())
                    .thenComparing(k -> trades.get(k).symbol()))
            .toList();
    for (int k = 0; k < order.size(); k++) {
      int index = order.get(k);
      Trade t = trades.get(index);
      String caption =
          String.format(
              Locale.ROOT,
              "#%d %s %s: entry %s at %s, exit %s at %s (%s), net %.4f USDT, %.2fR%s",
              k + 1,
              t.symbol(),
              t.side(),
              time(t.entryTime()),
              SetupChartRenderer.fmt(t.entryPrice()),
              time(t.exitTime()),
              SetupChartRenderer.fmt(t.exitPrice()),
              t.exitReason(),
              t.netPnl(),
              t.rNet(),
              t.ambiguous() ? ", ambiguous" : "");
      String setup =
          t.intent()
              .details()
              .map(
                  d ->
                      String.format(
                          Locale.ROOT,
                          "%s trigger at %s, score %d (%s), POI %s - %s, 5m ATR %s",
                          d.trigger(),
                          SetupChartRenderer.fmt(d.triggerLevel()),
                          d.score(),
                          d.scoreParts().isEmpty() ? "none" : String.join(", ", d.scoreParts()),
                          SetupChartRenderer.fmt(d.poiBottom()),
                          SetupChartRenderer.fmt(d.poiTop()),
                          SetupChartRenderer.fmt(d.atr())))
              .orElse("no setup details");
      out.write(
          "<figure id=\"trade-"
              + (k + 1)
              + "\"><img class=\"trade\" loading=\"eager\" alt=\""
              + esc(caption)
              + "\" src=\"data:image/png;base64,"
              + images.get(index)
              + "\"><figcaption>"
              + esc(caption)
              + "<br>"
              + esc(setup)
              + "</figcaption></figure>\n");
    }
  }

  private static List<Trade> sortedByEntry(List<Trade> trades) {
    List<Trade> sorted = new ArrayList<>(trades);
    sorted.sort(Comparator.comparing(Trade::entryTime).thenComparing(Trade::symbol));
    return sorted;
  }

  private static void cell(Writer out, String text) throws IOException {
    out.write("<td>" + esc(text) + "</td>");
  }

  private static void cellL(Writer out, String text) throws IOException {
    out.write("<td class=\"l\">" + esc(text) + "</td>");
  }

  private static void money(Writer out, double v) throws IOException {
    String cls = v > 0 ? "pos" : v < 0 ? "neg" : "";
    out.write(
        "<td"
            + (cls.isEmpty() ? "" : " class=\"" + cls + "\"")
            + ">"
            + String.format(Locale.ROOT, "%.4f", v)
            + "</td>");
  }

  private static String opt(OptionalDouble v, double scale, String format) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble() * scale) : "n/a";
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  private static String base64(byte[] png) {
    return Base64.getEncoder().encodeToString(png);
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
