package org.smc4j.backtest.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.output.OutputFolder;
import org.smc4j.backtest.output.RunInfo;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.order.Trade;

/**
 * Writes a {@link BacktestReport} as one self-contained HTML page whose charts the browser draws
 * from embedded data with Apache ECharts (inlined from the {@code org.webjars.npm:echarts} jar, so
 * the page needs no network): one zoomable candle chart per symbol with every trade on it (the 15m
 * POI and FVG boxes, the Fibonacci lines, the trigger level, entry, stop and target, entry and exit
 * markers), the equity and drawdown curves in USDT and in R, the metrics per symbol and in total in
 * R and in USDT, the signal decisions, and a table of the trades whose rows zoom the symbol's chart
 * to the trade.
 *
 * <p>Size: candles are embedded as {@link CandleColumns} (integer-scaled prices, delta varints,
 * base64), about 6 to 9 bytes a candle, so 6 months of four symbols' 5m candles make about 3 MB
 * with the 1 MB library. The page is written under a temporary name and renamed when complete.
 *
 * <p>The symbol charts are drawn one per browser task, so a page of many symbols stays responsive.
 * The page's scripts set on {@code <body>}: {@code data-charts} (the symbol charts drawn so far),
 * {@code data-draw-ms} (when all are drawn: the time it took), {@code data-errors} (script or
 * resource errors) and {@code data-overflow} (tables wider than the page), so a headless browser
 * can check the page; each chart's element gets {@code data-candles}, the number of candles (or
 * merged candles) it shows, and {@code data-merged}, the candles merged into each.
 */
public final class HtmlReportWriter {

  /** The writer. */
  public static final HtmlReportWriter DEFAULT = new HtmlReportWriter();

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int MAX_REASONS = 15;
  private static final MathContext PRICE_DIGITS = new MathContext(10);

  private HtmlReportWriter() {}

  /**
   * Writes the report, replacing the file.
   *
   * @param file the HTML file
   * @param report what to show
   * @return the file, with its number of charts and trades and its size
   * @throws IOException when the file cannot be written
   */
  public ReportFile write(Path file, BacktestReport report) throws IOException {
    return write(file, report, ReportProgress.NONE);
  }

  /**
   * Writes the report, replacing the file, and tells {@code progress} after each symbol's chart and
   * at the end.
   *
   * @param file the HTML file
   * @param report what to show
   * @param progress told of each finished step
   * @return the file, with its number of charts and trades and its size
   * @throws IOException when the file cannot be written
   */
  public ReportFile write(Path file, BacktestReport report, ReportProgress progress)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(progress, "progress");
    BacktestResult result = report.result();
    List<Trade> trades = sortedByEntry(result.trades());
    List<String> symbols = new ArrayList<>(new TreeMap<>(report.candles()).keySet());
    symbols.removeIf(s -> report.candles().get(s).isEmpty());
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(trades, result.from(), result.to());
    int steps = symbols.size() + 1;
    OutputFolder.writeAtomically(
        file,
        part -> {
          try (BufferedWriter out =
              new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8), 1 << 16)) {
            head(out, report.title());
            out.write("<h1>" + esc(report.title()) + "</h1>\n");
            run(out, report);
            summary(out, report, result);
            metricsTables(out, trades, metrics);
            curves(out, trades);
            charts(out, symbols, trades);
            signals(out, result.signals(), result.cancellations());
            tradeTable(out, trades, symbols);
            data(out, report, result, symbols, trades, progress, steps);
            out.write("<script>\n/* Apache ECharts " + EChartsLibrary.version());
            out.write(", inlined from the org.webjars.npm:echarts jar */\n");
            out.write(EChartsLibrary.script());
            out.write("\n</script>\n<script>\n");
            out.write(resource("report.js"));
            out.write("</script>\n</body>\n</html>\n");
          }
        });
    ReportFile written = new ReportFile(file, symbols.size(), trades.size(), Files.size(file));
    progress.onStep(steps, steps, String.format(Locale.ROOT, "%,d bytes", written.bytes()));
    return written;
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
            + "</title>\n<style>\n"
            + resource("report.css")
            + """
            </style>
            <script>
            (function () {
              var errors = 0;
              window.addEventListener('error', function () {
                errors++;
                if (document.body) { document.body.setAttribute('data-errors', String(errors)); }
              }, true);
              window.addEventListener('load', function () {
                var wide = document.querySelectorAll('.wide'), overflow = [];
                for (var i = 0; i < wide.length; i++) {
                  if (wide[i].scrollWidth > wide[i].clientWidth + 1) {
                    overflow.push(wide[i].firstElementChild.id + ' ' + wide[i].scrollWidth + '>'
                      + wide[i].clientWidth);
                  }
                }
                document.body.setAttribute('data-overflow', String(overflow.length));
                document.body.setAttribute('data-overflowing', overflow.join(', '));
                document.body.setAttribute('data-errors', String(errors));
              });
            })();
            </script>
            </head>
            <body>
            """);
  }

  private static void run(Writer out, BacktestReport report) throws IOException {
    if (report.run().isEmpty()) {
      return;
    }
    RunInfo r = report.run().get();
    out.write(
        "<p class=\"run\" id=\"run\">Run <b>"
            + esc(r.id())
            + "</b>, started "
            + esc(r.startTime().toString())
            + " by process "
            + r.pid()
            + ":<br><code>"
            + esc(r.commandLine())
            + "</code></p>\n");
  }

  private static void summary(Writer out, BacktestReport report, BacktestResult result)
      throws IOException {
    out.write("<p>Period " + time(result.from()) + " to " + time(result.to()) + " UTC, ");
    out.write(String.format(Locale.ROOT, "%,d", result.bars()));
    out.write(" 5m candles of " + report.candles().size() + " symbol(s): ");
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

  private static void metricsTables(
      Writer out, List<Trade> trades, Map<String, PerformanceMetrics> metrics) throws IOException {
    out.write("<h2>Metrics</h2>\n<h3>In R (multiples of the planned risk)</h3>\n");
    out.write("<div class=\"wide\"><table id=\"metrics-r\">\n<tr>");
    heads(
        out,
        "scope",
        "trades",
        "wins",
        "win rate",
        "avg R gross",
        "avg R net",
        "total R gross",
        "total R net",
        "best R net",
        "worst R net",
        "max DD R net",
        "ambiguous");
    for (PerformanceMetrics m : metrics.values()) {
      List<Trade> scope = scope(trades, m.scope());
      scopeCell(out, m);
      cell(out, Integer.toString(m.trades()));
      cell(out, Integer.toString(m.wins()));
      cell(out, opt(m.winRate(), 100, "%.1f%%"));
      cell(out, opt(m.averageRGross(), 1, "%.3f"));
      cell(out, opt(m.averageRNet(), 1, "%.3f"));
      signed(out, sum(scope, Trade::rGross), "%.3f");
      signed(out, m.totalRNet(), "%.3f");
      cell(out, extreme(scope, true));
      cell(out, extreme(scope, false));
      cell(out, String.format(Locale.ROOT, "%.2f", m.maxDrawdownR()));
      cell(out, Integer.toString(m.ambiguousTrades()));
      out.write("</tr>\n");
    }
    out.write("</table></div>\n<h3>In USDT</h3>\n");
    out.write("<div class=\"wide\"><table id=\"metrics\">\n<tr>");
    heads(
        out,
        "scope",
        "trades",
        "wins",
        "gross $",
        "fees $",
        "funding $",
        "slippage $",
        "net $ (pessimistic)",
        "net $ (optimistic)",
        "expectancy $",
        "profit factor",
        "max DD $",
        "Sharpe",
        "Sortino",
        "exposure");
    for (PerformanceMetrics m : metrics.values()) {
      scopeCell(out, m);
      cell(out, Integer.toString(m.trades()));
      cell(out, Integer.toString(m.wins()));
      signed(out, m.grossPnl(), "%.4f");
      cell(out, String.format(Locale.ROOT, "%.4f", m.fees()));
      cell(out, String.format(Locale.ROOT, "%.4f", m.funding()));
      cell(out, String.format(Locale.ROOT, "%.4f", m.slippage()));
      signed(out, m.netPnl(), "%.4f");
      signed(out, m.optimisticNetPnl(), "%.4f");
      cell(out, opt(m.expectancy(), 1, "%.4f"));
      cell(out, opt(m.profitFactor(), 1, "%.3f"));
      cell(out, String.format(Locale.ROOT, "%.4f", m.maxDrawdown()));
      cell(out, opt(m.sharpe(), 1, "%.2f"));
      cell(out, opt(m.sortino(), 1, "%.2f"));
      cell(out, String.format(Locale.ROOT, "%.1f%%", m.exposure() * 100));
      out.write("</tr>\n");
    }
    out.write("</table></div>\n");
    PerformanceMetrics all = metrics.get(PerformanceMetrics.ALL);
    out.write(
        "<p class=\"note\">Gross is before fees and funding (slippage is inside the fill"
            + " prices), net after them; R divides by each trade's planned risk. ");
    if (all.ambiguousTrades() > 0) {
      out.write(
          all.ambiguousTrades()
              + " trade(s) touched stop and target in one candle that no 1m candles resolved:"
              + " the pessimistic total books their stop, the optimistic total their target;"
              + " every R figure books the stop.");
    } else {
      out.write("No trade was ambiguous: pessimistic and optimistic totals agree.");
    }
    out.write(
        " Profit factor: net profits of winners over net losses of losers. Sharpe and Sortino:"
            + " daily net P&amp;L, annualised with &radic;365; drawdowns of cumulative net P&amp;L"
            + " from its running peak.</p>\n");
  }

  private static void curves(Writer out, List<Trade> trades) throws IOException {
    out.write("<h2>Equity and drawdown</h2>\n");
    if (trades.isEmpty()) {
      out.write("<p>No trade.</p>\n");
      return;
    }
    out.write(
        "<p id=\"equity-unit\">Cumulative net P&amp;L at each exit, in total and per symbol:"
            + " <button type=\"button\" data-unit=\"USDT\">USDT</button><button type=\"button\""
            + " data-unit=\"R\">R</button></p>\n<div id=\"equity\"></div>\n");
  }

  private static void charts(Writer out, List<String> symbols, List<Trade> trades)
      throws IOException {
    out.write("<h2>Charts</h2>\n");
    out.write(
        "<p class=\"note legend\">Scroll or drag the slider to zoom; click a trade's marker or"
            + " its row in the trade table to zoom to it. "
            + "<span><i class=\"sw\" style=\"background:rgba(30,90,255,.35)\"></i>15m POI</span>"
            + "<span><i class=\"sw\" style=\"background:rgba(255,179,0,.45)\"></i>15m FVG</span>"
            + "<span><i class=\"sw\" style=\"border-top:2px dashed #757575\"></i>Fibonacci"
            + " 0.5 / 0.618 / 0.786</span>"
            + "<span><i class=\"sw\" style=\"border-top:2px dotted #c2185b\"></i>trigger"
            + " level</span>"
            + "<span><i class=\"sw\" style=\"border-top:2px solid #000\"></i>entry</span>"
            + "<span><i class=\"sw\" style=\"border-top:2px solid #d32f2f\"></i>stop</span>"
            + "<span><i class=\"sw\" style=\"border-top:2px solid #2e7d32\"></i>target</span>"
            + "<span>&#9650;&#9660; entry fill (long, short)</span>"
            + "<span>&#9670; exit fill (green: net win)</span></p>\n");
    for (int s = 0; s < symbols.size(); s++) {
      String symbol = symbols.get(s);
      long n = trades.stream().filter(t -> t.symbol().equals(symbol)).count();
      out.write(
          "<section class=\"symbol\" id=\"chart-"
              + esc(symbol)
              + "\"><h3>"
              + esc(symbol)
              + ": "
              + n
              + " trade(s)</h3>\n<div class=\"sel\" id=\"sel-"
              + s
              + "\"></div><div class=\"chart\" id=\"chart-"
              + s
              + "\"></div><div class=\"zoom\" id=\"zoom-"
              + s
              + "\"></div></section>\n");
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

  private static void tradeTable(Writer out, List<Trade> trades, List<String> symbols)
      throws IOException {
    out.write("<h2>Trades</h2>\n");
    if (trades.isEmpty()) {
      out.write("<p>No trade.</p>\n");
      return;
    }
    out.write(
        "<p class=\"note\">Click a row to zoom its symbol's chart to the trade. Times are UTC"
            + " candle open times; R net with * : ambiguous (stop assumed first).</p>\n");
    out.write("<div class=\"wide\"><table id=\"trades\">\n<thead><tr>");
    heads(
        out,
        "#",
        "symbol",
        "side",
        "setup",
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
        "R net");
    out.write("</thead>\n<tbody id=\"trades-body\">\n");
    for (int k = 0; k < trades.size(); k++) {
      Trade t = trades.get(k);
      out.write(
          "<tr id=\"t"
              + (k + 1)
              + "\"><td><a href=\"#chart-"
              + esc(t.symbol())
              + "\">"
              + (k + 1)
              + "</a></td>");
      cellL(out, t.symbol());
      cellL(out, t.side().name());
      cellL(out, t.intent().details().map(d -> d.trigger() + " " + d.score()).orElse(""));
      cellL(out, time(t.entryTime()));
      cell(out, price(t.entryPrice()));
      cell(out, price(t.intent().stop()));
      cell(out, price(t.intent().target()));
      cellL(out, time(t.exitTime()));
      cell(out, price(t.exitPrice()));
      cellL(out, t.exitReason().name());
      cell(out, price(t.quantity()));
      signed(out, t.grossPnl(), "%.4f");
      cell(out, String.format(Locale.ROOT, "%.4f", t.fees()));
      cell(out, String.format(Locale.ROOT, "%.4f", t.funding()));
      signed(out, t.netPnl(), "%.4f");
      String r = String.format(Locale.ROOT, "%.2f", t.rNet()) + (t.ambiguous() ? "*" : "");
      out.write("<td" + signClass(t.rNet()) + ">" + r + "</td></tr>\n");
    }
    out.write("</tbody></table></div>\n");
  }

  /** Writes the embedded data: each symbol's candle columns, then the trades as columns. */
  private static void data(
      Writer out,
      BacktestReport report,
      BacktestResult result,
      List<String> symbols,
      List<Trade> trades,
      ReportProgress progress,
      int steps)
      throws IOException {
    out.write("<script type=\"application/json\" id=\"report-data\">{\"period\":[");
    out.write(result.from().toEpochMilli() + "," + result.to().toEpochMilli() + "],\"symbols\":[");
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int s = 0; s < symbols.size(); s++) {
      String symbol = symbols.get(s);
      index.put(symbol, s);
      CandleColumns c = CandleColumns.of(report.candles().get(symbol));
      out.write(s > 0 ? ",\n{" : "\n{");
      out.write("\"name\":" + json(symbol) + ",\"dec\":" + c.decimals());
      out.write(",\"t0\":" + c.firstOpenMillis() + ",\"unit\":" + c.unitMillis());
      out.write(",\"n\":" + c.size() + ",\"gaps\":[");
      for (int g = 0; g < c.gaps().size(); g++) {
        long[] gap = c.gaps().get(g);
        out.write((g > 0 ? ",[" : "[") + gap[0] + "," + gap[1] + "]");
      }
      out.write("],\"o\":\"" + c.open() + "\",\"c\":\"" + c.close());
      out.write("\",\"h\":\"" + c.high() + "\",\"l\":\"" + c.low() + "\"}");
      long n = trades.stream().filter(t -> t.symbol().equals(symbol)).count();
      progress.onStep(
          s + 1,
          steps,
          String.format(Locale.ROOT, "%s: %,d candles, %d trade(s)", symbol, c.size(), n));
    }
    List<String> triggers = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Trade t : trades) {
      t.intent()
          .details()
          .map(SetupDetails::trigger)
          .filter(x -> !triggers.contains(x))
          .ifPresent(triggers::add);
      if (!reasons.contains(t.exitReason().name())) {
        reasons.add(t.exitReason().name());
      }
    }
    out.write("],\n\"triggers\":" + jsonStrings(triggers));
    out.write(",\"reasons\":" + jsonStrings(reasons) + ",\n\"trades\":{");
    column(out, "sym", trades, t -> Integer.toString(index.get(t.symbol())), true);
    column(out, "side", trades, t -> Integer.toString(t.side().sign()), false);
    column(out, "et", trades, t -> seconds(t.entryTime()), false);
    column(out, "ep", trades, t -> price(t.entryPrice()), false);
    column(out, "sl", trades, t -> price(t.intent().stop()), false);
    column(out, "tp", trades, t -> price(t.intent().target()), false);
    column(out, "xt", trades, t -> seconds(t.exitTime()), false);
    column(out, "xp", trades, t -> price(t.exitPrice()), false);
    column(
        out, "why", trades, t -> Integer.toString(reasons.indexOf(t.exitReason().name())), false);
    column(out, "net", trades, t -> fixed(t.netPnl(), 6), false);
    column(out, "r", trades, t -> fixed(t.rNet(), 4), false);
    column(out, "amb", trades, t -> t.ambiguous() ? "1" : "0", false);
    column(
        out,
        "trig",
        trades,
        t ->
            Integer.toString(
                t.intent().details().map(d -> triggers.indexOf(d.trigger())).orElse(-1)),
        false);
    detail(out, "score", trades, d -> Integer.toString(d.score()));
    detail(out, "pb", trades, d -> price(d.poiBottom()));
    detail(out, "pt", trades, d -> price(d.poiTop()));
    detail(out, "pa", trades, d -> seconds(d.poiArmedTime()));
    detail(out, "fb", trades, d -> price(d.fvgBottom()));
    detail(out, "ft", trades, d -> price(d.fvgTop()));
    detail(out, "fa", trades, d -> seconds(d.fvgTime()));
    detail(out, "f5", trades, d -> price(d.fib50()));
    detail(out, "f6", trades, d -> price(d.fib618()));
    detail(out, "f7", trades, d -> price(d.fib786()));
    detail(out, "tl", trades, d -> price(d.triggerLevel()));
    detail(out, "tap", trades, d -> seconds(d.tapTime()));
    out.write("}}</script>\n");
  }

  private static void column(
      Writer out, String name, List<Trade> trades, Function<Trade, String> value, boolean first)
      throws IOException {
    out.write((first ? "\"" : ",\n\"") + name + "\":[");
    for (int k = 0; k < trades.size(); k++) {
      out.write((k > 0 ? "," : "") + value.apply(trades.get(k)));
    }
    out.write("]");
  }

  /** A column of setup details; {@code 0} where a trade has none (its trigger index is -1). */
  private static void detail(
      Writer out, String name, List<Trade> trades, Function<SetupDetails, String> value)
      throws IOException {
    column(out, name, trades, t -> t.intent().details().map(value).orElse("0"), false);
  }

  private static List<Trade> scope(List<Trade> trades, String scope) {
    return scope.equals(PerformanceMetrics.ALL)
        ? trades
        : trades.stream().filter(t -> t.symbol().equals(scope)).toList();
  }

  private static double sum(List<Trade> trades, ToDoubleFunction<Trade> f) {
    double s = 0;
    for (Trade t : trades) {
      s += f.applyAsDouble(t);
    }
    return s;
  }

  private static String extreme(List<Trade> trades, boolean best) {
    OptionalDouble v =
        best
            ? trades.stream().mapToDouble(Trade::rNet).max()
            : trades.stream().mapToDouble(Trade::rNet).min();
    return opt(v, 1, "%.2f");
  }

  private static List<Trade> sortedByEntry(List<Trade> trades) {
    List<Trade> sorted = new ArrayList<>(trades);
    sorted.sort(Comparator.comparing(Trade::entryTime).thenComparing(Trade::symbol));
    return sorted;
  }

  private static void heads(Writer out, String... heads) throws IOException {
    for (int k = 0; k < heads.length; k++) {
      out.write("<th" + (k == 0 ? " class=\"l\"" : "") + ">" + esc(heads[k]) + "</th>");
    }
    out.write("</tr>\n");
  }

  private static void scopeCell(Writer out, PerformanceMetrics m) throws IOException {
    boolean total = m.scope().equals(PerformanceMetrics.ALL);
    out.write(total ? "<tr class=\"total\">" : "<tr>");
    out.write("<td class=\"l\">" + esc(m.scope()) + "</td>");
  }

  private static void cell(Writer out, String text) throws IOException {
    out.write("<td>" + esc(text) + "</td>");
  }

  private static void cellL(Writer out, String text) throws IOException {
    out.write("<td class=\"l\">" + esc(text) + "</td>");
  }

  private static void signed(Writer out, double v, String format) throws IOException {
    out.write("<td" + signClass(v) + ">" + String.format(Locale.ROOT, format, v) + "</td>");
  }

  private static String signClass(double v) {
    return v > 0 ? " class=\"pos\"" : v < 0 ? " class=\"neg\"" : "";
  }

  private static String opt(OptionalDouble v, double scale, String format) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble() * scale) : "n/a";
  }

  /** A price with at most 10 significant digits and no trailing zeros, e.g. {@code 93548.8}. */
  static String price(double v) {
    return BigDecimal.valueOf(v).round(PRICE_DIGITS).stripTrailingZeros().toPlainString();
  }

  private static String fixed(double v, int decimals) {
    return BigDecimal.valueOf(v)
        .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String seconds(Instant t) {
    return Long.toString(t.getEpochSecond());
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  private static String jsonStrings(List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (int k = 0; k < values.size(); k++) {
      b.append(k > 0 ? "," : "").append(json(values.get(k)));
    }
    return b.append(']').toString();
  }

  /** A JSON string; {@code <}, {@code >} and {@code &} escaped so it cannot end the script. */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '<', '>', '&' -> b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report resource " + name, e);
    }
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
