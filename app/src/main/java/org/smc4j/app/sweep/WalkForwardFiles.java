package org.smc4j.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smc4j.backtest.metrics.EquityCurve;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.walkforward.StepResult;
import org.smc4j.sweep.walkforward.WalkForwardResult;

/**
 * Writes a walk-forward's files: {@code walkforward.csv} (one row per symbol and step), {@code
 * equity.csv} (the stitched out-of-sample equity, one point per trade) and the self-contained
 * {@code walkforward.html} (the out-of-sample curve beside the in-sample promise, the steps, the
 * overfitting statistics).
 */
public final class WalkForwardFiles {

  private WalkForwardFiles() {}

  public static List<Path> write(Path dir, SweepSpec spec, WalkForwardResult r) throws IOException {
    Files.createDirectories(dir);
    StringBuilder steps =
        new StringBuilder(
            "symbol,step,train_from,train_to,test_from,test_to,combo,params,is_trades,is_net_r,"
                + "is_net_r_scaled,oos_trades,oos_net_r,oos_net_usd\n");
    for (StepResult s : r.steps()) {
      steps
          .append(s.symbol())
          .append(',')
          .append(s.window().index())
          .append(',')
          .append(s.window().train().from())
          .append(',')
          .append(s.window().train().to())
          .append(',')
          .append(s.window().test().from())
          .append(',')
          .append(s.window().test().to())
          .append(',')
          .append(s.combo().isPresent() ? Long.toString(s.combo().getAsLong()) : "")
          .append(',')
          .append(s.params().map(p -> "\"" + p + "\"").orElse(""))
          .append(',')
          .append(s.inSample().map(m -> Integer.toString(m.trades())).orElse(""))
          .append(',')
          .append(s.inSample().map(m -> Double.toString(m.totalRNet())).orElse(""))
          .append(',')
          .append(s.inSampleNetRScaled())
          .append(',')
          .append(s.outOfSample().map(m -> Integer.toString(m.trades())).orElse(""))
          .append(',')
          .append(s.outOfSample().map(m -> Double.toString(m.totalRNet())).orElse(""))
          .append(',')
          .append(s.outOfSample().map(m -> Double.toString(m.netPnl())).orElse(""))
          .append('\n');
    }
    StringBuilder equity = new StringBuilder("time,equity_usd,drawdown_usd,equity_r,drawdown_r\n");
    for (EquityCurve.Point p : r.outOfSampleCurve().points()) {
      equity
          .append(p.time())
          .append(',')
          .append(p.equity())
          .append(',')
          .append(p.drawdown())
          .append(',')
          .append(p.equityR())
          .append(',')
          .append(p.drawdownR())
          .append('\n');
    }
    Path a = atomically(dir.resolve("walkforward.csv"), steps.toString());
    Path b = atomically(dir.resolve("equity.csv"), equity.toString());
    Path c = atomically(dir.resolve("walkforward.html"), html(spec, r));
    return List.of(a, b, c);
  }

  private static String html(SweepSpec spec, WalkForwardResult r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>smc4j walk-forward</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}")
        .append("table{border-collapse:collapse;font-size:13px}")
        .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}")
        .append("th{background:#f3f3f3}.l{text-align:left}</style></head><body>")
        .append("<h1>smc4j walk-forward</h1><p>")
        .append(String.join(", ", spec.symbols()))
        .append("; ")
        .append(spec.grid().size())
        .append(" combination(s); chosen by ")
        .append(spec.objective().yamlName())
        .append(" with at least ")
        .append(spec.minTrades())
        .append(" trades per train window.</p>");
    h.append("<h2>Summary</h2><ul>");
    for (String line : summary(r)) {
      h.append("<li>").append(esc(line)).append("</li>");
    }
    h.append("</ul>");
    curves(h, r);
    h.append("<h2>Steps</h2><table><tr><th>symbol</th><th>step</th><th>train</th><th>test</th>")
        .append("<th class=\"l\">chosen</th><th>IS trades</th><th>IS net R (scaled)</th>")
        .append("<th>OOS trades</th><th>OOS net R</th></tr>");
    for (StepResult s : r.steps()) {
      h.append("<tr><td>")
          .append(s.symbol())
          .append("</td><td>")
          .append(s.window().index())
          .append("</td><td>")
          .append(day(s.window().train().from().toString()))
          .append(" .. ")
          .append(day(s.window().train().to().toString()))
          .append("</td><td>")
          .append(day(s.window().test().from().toString()))
          .append(" .. ")
          .append(day(s.window().test().to().toString()))
          .append("</td><td class=\"l\">")
          .append(esc(s.params().map(Object::toString).orElse("none (too few trades)")))
          .append("</td><td>")
          .append(s.inSample().map(m -> Integer.toString(m.trades())).orElse(""))
          .append("</td><td>")
          .append(SweepHtmlReport.num(s.inSampleNetRScaled()))
          .append("</td><td>")
          .append(s.outOfSample().map(m -> Integer.toString(m.trades())).orElse(""))
          .append("</td><td>")
          .append(SweepHtmlReport.num(s.outOfSampleNetR()))
          .append("</td></tr>");
    }
    h.append("</table></body></html>\n");
    return h.toString();
  }

  /** The cumulative in-sample promise and out-of-sample result at each test window's end. */
  private static void curves(StringBuilder h, WalkForwardResult r) {
    List<WalkForwardResult.CurvePoint> pts = r.curve();
    double lo = 0;
    double hi = 0;
    for (WalkForwardResult.CurvePoint p : pts) {
      lo = Math.min(lo, Math.min(p.inSampleNetR(), p.outOfSampleNetR()));
      hi = Math.max(hi, Math.max(p.inSampleNetR(), p.outOfSampleNetR()));
    }
    double span = hi > lo ? hi - lo : 1;
    int w = 640;
    int ht = 260;
    int pad = 40;
    h.append("<h2>Out of sample beside in sample (cumulative net R)</h2>")
        .append("<p>Blue: the net R each step's train window promised, scaled to its test window;")
        .append(" orange: what the chosen parameters made on the test windows.</p>")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w + 2 * pad)
        .append("\" height=\"")
        .append(ht + 2 * pad)
        .append("\" font-size=\"11\">");
    double y0 = pad + ht - (0 - lo) / span * ht;
    h.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>",
            pad,
            y0,
            pad + w,
            y0));
    for (int series = 0; series < 2; series++) {
      StringBuilder path = new StringBuilder();
      path.append(String.format(Locale.ROOT, "%d,%.1f", pad, y0));
      for (int i = 0; i < pts.size(); i++) {
        double v = series == 0 ? pts.get(i).inSampleNetR() : pts.get(i).outOfSampleNetR();
        double x = pad + (double) w * (i + 1) / pts.size();
        double y = pad + ht - (v - lo) / span * ht;
        path.append(String.format(Locale.ROOT, " %.1f,%.1f", x, y));
      }
      h.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(series == 0 ? "#4f81bd" : "#f79646")
          .append("\" points=\"")
          .append(path)
          .append("\"/>");
    }
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"4\" y=\"%d\">%s</text><text x=\"4\" y=\"%d\">%s</text>",
            pad + 4,
            SweepHtmlReport.num(hi),
            pad + ht + 4,
            SweepHtmlReport.num(lo)));
    h.append("</svg>");
  }

  public static List<String> summary(WalkForwardResult r) {
    PerformanceMetrics oos = r.outOfSample();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "out of sample: %d trades, net R %.3f, net $ %.3f, fees $ %.3f, max drawdown R %.3f",
            oos.trades(),
            oos.totalRNet(),
            oos.netPnl(),
            oos.fees(),
            oos.maxDrawdownR()));
    lines.add(
        String.format(
            Locale.ROOT,
            "in sample promised %.3f net R for the test windows; out of sample made %.3f%s",
            r.inSampleNetR(),
            r.outOfSampleNetR(),
            r.efficiency().isPresent()
                ? String.format(
                    Locale.ROOT, " (walk-forward efficiency %.2f)", r.efficiency().getAsDouble())
                : " (no efficiency: the in-sample promise is not positive)"));
    r.pbo()
        .ifPresent(
            p ->
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "probability of backtest overfitting (CSCV, %d blocks, %,d splits, %d"
                            + " combinations, %d days): %.3f",
                        p.blocks(),
                        p.splits(),
                        p.trials(),
                        p.periods(),
                        p.probability())));
    r.deflatedSharpe()
        .ifPresent(
            d ->
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "deflated Sharpe ratio of the best combination over the whole range: %.3f"
                            + " (daily Sharpe %.4f against %.4f expected from %d trials by luck;"
                            + " skewness %.2f, kurtosis %.2f, %d days)",
                        d.probability(),
                        d.sharpe(),
                        d.expectedMaxSharpe(),
                        d.trials(),
                        d.skewness(),
                        d.kurtosis(),
                        d.observations())));
    lines.addAll(r.notes());
    return lines;
  }

  private static String day(String instant) {
    return instant.substring(0, 10);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Path atomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
