package org.smc4j.backtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultOHLCDataset;
import org.jfree.data.xy.OHLCDataItem;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.signal.Side;

/**
 * Draws a {@link SetupChart} as a PNG with JFreeChart: candles, the POI box (blue) and FVG box
 * (amber) from the time each became known to the setup's right edge, the Fibonacci lines (grey,
 * dashed), the trigger level (magenta, dotted) from the tap to the entry, the entry (black; dotted
 * while only planned), stop (red) and target (green) from the entry onwards, and the exit (purple
 * arrow). A live chart is padded on the right so the plan lines show beyond the signal bar.
 *
 * <p>Rendering needs no display: unless the JVM was started with {@code java.awt.headless} set,
 * loading this class sets it to {@code true}. Instances are immutable and thread-safe.
 *
 * @param width the image width in pixels, {@code >= 200}
 * @param height the image height in pixels, {@code >= 150}
 */
public record SetupChartRenderer(int width, int height) {

  // before any AWT class below initialises the toolkit
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** 960 x 480 pixels. */
  public static final SetupChartRenderer DEFAULT = new SetupChartRenderer(960, 480);

  private static final int RIGHT_PAD_BARS = 12;
  private static final Color UP = new Color(0x26, 0xa6, 0x9a);
  private static final Color DOWN = new Color(0xef, 0x53, 0x50);
  private static final Color POI_FILL = new Color(0x1e, 0x5a, 0xff, 100);
  private static final Color POI_LINE = new Color(0x1e, 0x5a, 0xff);
  private static final Color FVG_FILL = new Color(0xff, 0xb3, 0x00, 50);
  private static final Color FVG_LINE = new Color(0xe0, 0x9a, 0x00);
  private static final Color FIB = new Color(0x75, 0x75, 0x75);
  private static final Color ENTRY = Color.BLACK;
  private static final Color STOP = new Color(0xd3, 0x2f, 0x2f);
  private static final Color TARGET = new Color(0x2e, 0x7d, 0x32);
  private static final Color EXIT = new Color(0x7b, 0x1f, 0xa2);
  private static final Color TRIGGER = new Color(0xc2, 0x18, 0x5b);
  private static final Stroke SOLID = new BasicStroke(1.6f);
  private static final Stroke THIN = new BasicStroke(1.0f);
  private static final Stroke DASHED =
      new BasicStroke(
          1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  private static final Stroke DOTTED =
      new BasicStroke(
          1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  /**
   * Validates the size.
   *
   * @throws IllegalArgumentException when the image would be smaller than 200 x 150
   */
  public SetupChartRenderer {
    if (width < 200 || height < 150) {
      throw new IllegalArgumentException(
          "image must be at least 200 x 150 pixels, was " + width + " x " + height);
    }
  }

  /**
   * Renders a chart.
   *
   * @param chart what to draw
   * @return the PNG bytes
   */
  public byte[] renderPng(SetupChart chart) {
    Objects.requireNonNull(chart, "chart");
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ChartUtils.writeChartAsPNG(out, build(chart), width, height);
    } catch (IOException e) {
      // a ByteArrayOutputStream does not fail; an encoder failure is a broken JVM setup
      throw new UncheckedIOException("PNG encoding failed for " + chart.title(), e);
    }
    return out.toByteArray();
  }

  /**
   * Renders a chart into a file, replacing it.
   *
   * @param chart what to draw
   * @param file the PNG file to write
   * @throws IOException when the file cannot be written
   */
  public void writePng(SetupChart chart, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Files.write(file, renderPng(chart));
  }

  JFreeChart build(SetupChart chart) {
    BarArrays bars = chart.candles();
    int n = bars.size();
    OHLCDataItem[] items = new OHLCDataItem[n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      items[i] =
          new OHLCDataItem(
              new Date(bars.openTimeMillis(i)),
              bars.open(i),
              bars.high(i),
              bars.low(i),
              bars.close(i),
              bars.volume(i));
      lo = Math.min(lo, bars.low(i));
      hi = Math.max(hi, bars.high(i));
    }
    long period = bars.timeframe().millis();
    long x0 = bars.openTimeMillis(0);
    long lastClose = bars.closeTimeMillis(n - 1);
    long entryX = chart.entryTime().toEpochMilli();
    long rightEdge;
    long xMax;
    if (chart.exit().isPresent()) {
      rightEdge = chart.exit().get().time().toEpochMilli() + period;
      xMax = Math.max(lastClose, rightEdge);
    } else {
      xMax = Math.max(lastClose, entryX) + RIGHT_PAD_BARS * period;
      rightEdge = xMax;
    }

    CandlestickRenderer renderer = new CandlestickRenderer();
    renderer.setAutoWidthMethod(CandlestickRenderer.WIDTHMETHOD_SMALLEST);
    renderer.setUpPaint(UP);
    renderer.setDownPaint(DOWN);
    renderer.setUseOutlinePaint(false);
    renderer.setDrawVolume(false);
    renderer.setDefaultToolTipGenerator(null);
    renderer.setSeriesPaint(0, Color.DARK_GRAY);

    DateAxis time = new DateAxis("UTC");
    time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    time.setRange(x0 - period, xMax);
    NumberAxis price = new NumberAxis("price");
    price.setAutoRangeIncludesZero(false);

    XYPlot plot = new XYPlot(new DefaultOHLCDataset(chart.title(), items), time, price, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xe0, 0xe0, 0xe0));
    plot.setRangeGridlinePaint(new Color(0xe0, 0xe0, 0xe0));

    for (ChartBox box : new ChartBox[] {chart.fvg().orElse(null), chart.poi().orElse(null)}) {
      if (box == null) {
        continue;
      }
      boolean isPoi = chart.poi().isPresent() && box == chart.poi().get();
      long from = Math.max(x0, box.from().toEpochMilli());
      plot.addAnnotation(
          new XYBoxAnnotation(
              from,
              box.bottom(),
              rightEdge,
              box.top(),
              THIN,
              isPoi ? POI_LINE : FVG_LINE,
              isPoi ? POI_FILL : FVG_FILL));
      label(
          plot,
          box.label(),
          from,
          isPoi ? box.top() : box.bottom(),
          isPoi ? POI_LINE : FVG_LINE,
          isPoi ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
      lo = Math.min(lo, box.bottom());
      hi = Math.max(hi, box.top());
    }
    for (FibLine fib : chart.fibs()) {
      plot.addAnnotation(new XYLineAnnotation(x0, fib.price(), xMax, fib.price(), DASHED, FIB));
      label(
          plot,
          String.format(Locale.ROOT, "fib %.3f", fib.ratio()),
          x0,
          fib.price(),
          FIB,
          TextAnchor.BOTTOM_LEFT);
      lo = Math.min(lo, fib.price());
      hi = Math.max(hi, fib.price());
    }
    if (chart.trigger().isPresent()) {
      ChartLevel trigger = chart.trigger().get();
      long from = Math.max(x0, trigger.from().toEpochMilli());
      plot.addAnnotation(
          new XYLineAnnotation(from, trigger.price(), entryX, trigger.price(), DOTTED, TRIGGER));
      label(
          plot,
          trigger.label() + " " + fmt(trigger.price()),
          from,
          trigger.price(),
          TRIGGER,
          TextAnchor.TOP_LEFT);
      lo = Math.min(lo, trigger.price());
      hi = Math.max(hi, trigger.price());
    }
    level(
        plot,
        chart.entryFilled() ? "entry" : "planned entry",
        entryX,
        rightEdge,
        chart.entry(),
        ENTRY,
        chart.entryFilled() ? SOLID : DOTTED);
    level(plot, "stop", entryX, rightEdge, chart.stop(), STOP, SOLID);
    level(plot, "target", entryX, rightEdge, chart.target(), TARGET, SOLID);
    lo = Math.min(lo, Math.min(chart.stop(), chart.target()));
    hi = Math.max(hi, Math.max(chart.stop(), chart.target()));
    lo = Math.min(lo, chart.entry());
    hi = Math.max(hi, chart.entry());

    // arrows point at the fill from below for buys, from above for sells
    boolean longSide = chart.side() == Side.LONG;
    XYPointerAnnotation entryArrow =
        new XYPointerAnnotation(
            // a filled entry is already labelled by its level line
            chart.entryFilled() ? "" : "signal",
            entryX,
            chart.entry(),
            longSide ? Math.PI / 2 : -Math.PI / 2);
    styleArrow(entryArrow, ENTRY);
    plot.addAnnotation(entryArrow);
    if (chart.exit().isPresent()) {
      ChartExit exit = chart.exit().get();
      XYPointerAnnotation exitArrow =
          new XYPointerAnnotation(
              "exit " + exit.reason(),
              exit.time().toEpochMilli() + period / 2,
              exit.price(),
              longSide ? -Math.PI / 2 : Math.PI / 2);
      styleArrow(exitArrow, EXIT);
      plot.addAnnotation(exitArrow);
      lo = Math.min(lo, exit.price());
      hi = Math.max(hi, exit.price());
    }
    // room above and below for the entry and exit arrows and their labels
    double pad = Math.max((hi - lo) * 0.15, hi * 1e-6);
    price.setRange(lo - pad, hi + pad);

    JFreeChart out =
        new JFreeChart(chart.title(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
    out.setBackgroundPaint(Color.WHITE);
    // crisp candles and lines; antialiased text only: a fifth smaller PNG for a report of many
    out.setAntiAlias(false);
    out.setTextAntiAlias(true);
    return out;
  }

  private static void level(
      XYPlot plot, String name, long from, long to, double price, Paint paint, Stroke stroke) {
    plot.addAnnotation(new XYLineAnnotation(from, price, to, price, stroke, paint));
    label(
        plot,
        String.format(Locale.ROOT, "%s %s", name, fmt(price)),
        to,
        price,
        paint,
        TextAnchor.BOTTOM_RIGHT);
  }

  private static void label(
      XYPlot plot, String text, double x, double y, Paint paint, TextAnchor anchor) {
    XYTextAnnotation a = new XYTextAnnotation(text, x, y);
    a.setFont(LABEL);
    a.setPaint(paint);
    a.setTextAnchor(anchor);
    plot.addAnnotation(a);
  }

  private static void styleArrow(XYPointerAnnotation a, Color color) {
    a.setPaint(color);
    a.setArrowPaint(color);
    a.setFont(LABEL);
    a.setArrowLength(8);
    a.setBaseRadius(30);
    a.setTipRadius(4);
    a.setTextAnchor(TextAnchor.CENTER);
  }

  static String fmt(double price) {
    return new java.math.BigDecimal(price)
        .round(new java.math.MathContext(8))
        .stripTrailingZeros()
        .toPlainString();
  }
}
