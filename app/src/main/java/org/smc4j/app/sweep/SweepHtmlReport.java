package org.smc4j.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.smc4j.sweep.ComboScore;
import org.smc4j.sweep.ParamSet;
import org.smc4j.sweep.ParamValue;
import org.smc4j.sweep.SweepSpec;

/**
 * Writes a sweep's self-contained HTML page (inline SVG, no script, no network): the best
 * combinations, a heat map of the objective over two parameters (each cell the best combination
 * with those two values), the distribution of the combinations' objective, and the neighbours of
 * the best combination (one step away on one parameter), which shows how stable its region is.
 */
public final class SweepHtmlReport {

  private static final int TOP = 20;
  private static final int BINS = 20;

  private SweepHtmlReport() {}

  public static Path write(Path file, SweepSpec spec, List<String> heatMap, List<ComboScore> ranked)
      throws IOException {
    Objects.requireNonNull(file, "file");
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>smc4j sweep</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}")
        .append("table{border-collapse:collapse;font-size:13px}")
        .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}")
        .append("th{background:#f3f3f3}.l{text-align:left}")
        .append("</style></head><body>");
    h.append("<h1>smc4j sweep</h1><p>")
        .append(esc(String.join(", ", spec.symbols())))
        .append(", ")
        .append(spec.from())
        .append(" .. ")
        .append(spec.to())
        .append(", ")
        .append(spec.windows().size())
        .append(" window(s), ")
        .append(spec.grid().size())
        .append(" combination(s); objective ")
        .append(spec.objective().yamlName())
        .append(
            " (summed over symbols and windows for net-r and net-usd, else averaged), at least ")
        .append(spec.minTrades())
        .append(" trades.</p>");
    List<String> keys = spec.grid().keys();
    top(h, keys, ranked);
    if (heatMap.size() == 2) {
      heatMap(h, heatMap.get(0), heatMap.get(1), ranked);
    }
    histogram(h, ranked);
    neighbours(h, keys, ranked);
    h.append("</body></html>\n");
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, h.toString(), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static void top(StringBuilder h, List<String> keys, List<ComboScore> ranked) {
    h.append("<h2>Best combinations</h2><table><tr><th>#</th><th>combo</th>");
    for (String k : keys) {
      h.append("<th>").append(esc(k)).append("</th>");
    }
    h.append("<th>score</th><th>trades</th><th>net R</th><th>net $</th><th>fees $</th></tr>");
    for (int i = 0; i < Math.min(TOP, ranked.size()); i++) {
      ComboScore c = ranked.get(i);
      h.append("<tr><td>").append(i + 1).append("</td><td>").append(c.combo()).append("</td>");
      for (String k : keys) {
        h.append("<td>").append(esc(c.params().get(k).text())).append("</td>");
      }
      h.append("<td>")
          .append(score(c.score()))
          .append("</td><td>")
          .append(c.trades())
          .append("</td><td>")
          .append(num(c.netR()))
          .append("</td><td>")
          .append(num(c.netUsd()))
          .append("</td><td>")
          .append(num(c.fees()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private static void heatMap(StringBuilder h, String xKey, String yKey, List<ComboScore> ranked) {
    List<ParamValue> xs = ParamAxes.values(ranked, xKey);
    List<ParamValue> ys = ParamAxes.values(ranked, yKey);
    Map<String, OptionalDouble> cell = new HashMap<>();
    for (ComboScore c : ranked) {
      String id = c.params().get(xKey).text() + "|" + c.params().get(yKey).text();
      OptionalDouble prev = cell.get(id);
      if (prev == null
          || (c.score().isPresent()
              && (prev.isEmpty() || c.score().getAsDouble() > prev.getAsDouble()))) {
        cell.put(id, c.score());
      }
    }
    double max = 0;
    for (OptionalDouble v : cell.values()) {
      if (v.isPresent()) {
        max = Math.max(max, Math.abs(v.getAsDouble()));
      }
    }
    int cw = 70;
    int ch = 28;
    int left = 90;
    int top = 30;
    int width = left + cw * xs.size() + 10;
    int height = top + ch * ys.size() + 40;
    h.append("<h2>Objective over ")
        .append(esc(xKey))
        .append(" and ")
        .append(esc(yKey))
        .append("</h2><p>Each cell: the best combination with those two values. Green above 0,")
        .append(" red below; grey: fewer trades than the minimum.</p>")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" font-size=\"11\">");
    for (int yi = 0; yi < ys.size(); yi++) {
      int y = top + ch * (ys.size() - 1 - yi);
      h.append(text(left - 6, y + ch / 2 + 4, "end", ys.get(yi).text()));
      for (int xi = 0; xi < xs.size(); xi++) {
        OptionalDouble v = cell.get(xs.get(xi).text() + "|" + ys.get(yi).text());
        int x = left + cw * xi;
        String fill = v == null || v.isEmpty() ? "#ddd" : color(v.getAsDouble(), max);
        h.append("<rect x=\"")
            .append(x)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(cw)
            .append("\" height=\"")
            .append(ch)
            .append("\" fill=\"")
            .append(fill)
            .append("\" stroke=\"#fff\"/>");
        h.append(text(x + cw / 2, y + ch / 2 + 4, "middle", v == null ? "" : score(v)));
      }
    }
    for (int xi = 0; xi < xs.size(); xi++) {
      h.append(
          text(left + cw * xi + cw / 2, top + ch * ys.size() + 15, "middle", xs.get(xi).text()));
    }
    h.append(text(left + cw * xs.size() / 2, top + ch * ys.size() + 32, "middle", xKey));
    h.append(text(4, 16, "start", yKey));
    h.append("</svg>");
  }

  private static void histogram(StringBuilder h, List<ComboScore> ranked) {
    List<Double> v = new ArrayList<>();
    for (ComboScore c : ranked) {
      c.score().ifPresent(v::add);
    }
    h.append("<h2>Distribution of the objective</h2>");
    if (v.isEmpty()) {
      h.append("<p>No combination reached the minimum trades.</p>");
      return;
    }
    double lo = v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double hi = v.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double span = hi > lo ? hi - lo : 1;
    int[] bins = new int[BINS];
    for (double x : v) {
      bins[Math.min(BINS - 1, (int) ((x - lo) / span * BINS))]++;
    }
    int maxCount = 1;
    for (int b : bins) {
      maxCount = Math.max(maxCount, b);
    }
    int bw = 24;
    int bh = 160;
    h.append("<p>")
        .append(v.size())
        .append(" scored combination(s) of ")
        .append(ranked.size())
        .append(", from ")
        .append(num(lo))
        .append(" to ")
        .append(num(hi))
        .append("; ")
        .append(v.stream().filter(x -> x > 0).count())
        .append(" above 0.</p><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(bw * BINS + 20)
        .append("\" height=\"")
        .append(bh + 40)
        .append("\" font-size=\"11\">");
    for (int b = 0; b < BINS; b++) {
      int barH = (int) Math.round((double) bins[b] / maxCount * bh);
      double binLo = lo + span * b / BINS;
      h.append("<rect x=\"")
          .append(10 + bw * b)
          .append("\" y=\"")
          .append(10 + bh - barH)
          .append("\" width=\"")
          .append(bw - 2)
          .append("\" height=\"")
          .append(barH)
          .append("\" fill=\"")
          .append(binLo + span / BINS <= 0 ? "#c0504d" : "#4f81bd")
          .append("\"><title>")
          .append(num(binLo))
          .append(" .. ")
          .append(num(binLo + span / BINS))
          .append(": ")
          .append(bins[b])
          .append("</title></rect>");
    }
    h.append(text(10, bh + 30, "start", num(lo)));
    h.append(text(10 + bw * BINS, bh + 30, "end", num(hi)));
    h.append("</svg>");
  }

  private static void neighbours(StringBuilder h, List<String> keys, List<ComboScore> ranked) {
    h.append("<h2>Neighbours of the best combination</h2>");
    if (ranked.isEmpty() || ranked.get(0).score().isEmpty()) {
      h.append("<p>No combination reached the minimum trades.</p>");
      return;
    }
    ComboScore best = ranked.get(0);
    Map<ParamSet, ComboScore> byParams = new HashMap<>();
    ranked.forEach(c -> byParams.put(c.params(), c));
    h.append("<p>Best: combination ")
        .append(best.combo())
        .append(" (")
        .append(esc(best.params().toString()))
        .append("), score ")
        .append(score(best.score()))
        .append(". Each row moves one parameter one step; a stable optimum keeps most of its")
        .append(" score there.</p><table><tr><th class=\"l\">parameter</th><th>value</th>")
        .append("<th>score</th><th>change</th><th>trades</th></tr>");
    for (String k : keys) {
      List<ParamValue> axis = ParamAxes.values(ranked, k);
      int at = axis.indexOf(best.params().get(k));
      for (int d : new int[] {-1, 1}) {
        int j = at + d;
        if (j < 0 || j >= axis.size()) {
          continue;
        }
        Map<String, ParamValue> moved = new LinkedHashMap<>(best.params().values());
        moved.put(k, axis.get(j));
        ComboScore n = byParams.get(new ParamSet(moved));
        h.append("<tr><td class=\"l\">")
            .append(esc(k))
            .append("</td><td>")
            .append(esc(axis.get(j).text()))
            .append("</td>");
        if (n == null) {
          h.append("<td colspan=\"3\">not in the grid</td></tr>");
          continue;
        }
        h.append("<td>")
            .append(score(n.score()))
            .append("</td><td>")
            .append(
                n.score().isPresent()
                    ? num(n.score().getAsDouble() - best.score().getAsDouble())
                    : "")
            .append("</td><td>")
            .append(n.trades())
            .append("</td></tr>");
      }
    }
    h.append("</table>");
  }

  private static String color(double v, double max) {
    double t = max > 0 ? Math.min(1, Math.abs(v) / max) : 0;
    int fade = (int) Math.round(255 - 175 * t);
    return v >= 0
        ? String.format(Locale.ROOT, "rgb(%d,%d,%d)", fade, 200 + (int) (55 * (1 - t)), fade)
        : String.format(Locale.ROOT, "rgb(%d,%d,%d)", 200 + (int) (55 * (1 - t)), fade, fade);
  }

  private static String text(int x, int y, String anchor, String s) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + esc(s)
        + "</text>";
  }

  private static String score(OptionalDouble v) {
    return v.isPresent() ? num(v.getAsDouble()) : "n/a";
  }

  public static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
