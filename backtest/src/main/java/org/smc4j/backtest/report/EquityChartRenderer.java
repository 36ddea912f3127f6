package org.smc4j.backtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smc4j.backtest.metrics.EquityCurve;

/**
 * Draws an {@link EquityCurve} as a PNG: cumulative net P&amp;L (a step after each trade's exit,
 * starting at 0 at the backtest's start) above its drawdown from the running peak.
 *
 * @param width the image width in pixels, {@code >= 200}
 * @param height the image height in pixels, {@code >= 150}
 */
record EquityChartRenderer(int width, int height) {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Validates the size. */
  EquityChartRenderer {
    if (width < 200 || height < 150) {
      throw new IllegalArgumentException(
          "image must be at least 200 x 150 pixels, was " + width + " x " + height);
    }
  }

  /**
   * Renders the curve.
   *
   * @param title the heading
   * @param curve the curve
   * @param from the backtest's start, where the curve starts at 0
   * @param to the backtest's end, where the last value is held to
   * @return the PNG bytes
   */
  byte[] renderPng(String title, EquityCurve curve, Instant from, Instant to) {
    Objects.requireNonNull(curve, "curve");
    XYSeries equity = new XYSeries("net P&L (USDT)", false, true);
    XYSeries drawdown = new XYSeries("drawdown (USDT)", false, true);
    equity.add(from.toEpochMilli(), 0);
    drawdown.add(from.toEpochMilli(), 0);
    double last = 0;
    double lastDd = 0;
    for (EquityCurve.Point p : curve.points()) {
      equity.add(p.time().toEpochMilli(), p.equity());
      drawdown.add(p.time().toEpochMilli(), -p.drawdown());
      last = p.equity();
      lastDd = -p.drawdown();
    }
    long end = Math.max(to.toEpochMilli(), from.toEpochMilli() + 1);
    equity.add(end, last);
    drawdown.add(end, lastDd);

    DateAxis time = new DateAxis("UTC");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    NumberAxis equityAxis = new NumberAxis("net P&L (USDT)");
    equityAxis.setAutoRangeIncludesZero(true);
    XYStepRenderer equityRenderer = new XYStepRenderer();
    equityRenderer.setSeriesPaint(0, new Color(0x15, 0x65, 0xc0));
    equityRenderer.setSeriesStroke(0, new BasicStroke(1.6f));
    XYPlot top = new XYPlot(new XYSeriesCollection(equity), null, equityAxis, equityRenderer);
    NumberAxis ddAxis = new NumberAxis("drawdown");
    ddAxis.setAutoRangeIncludesZero(true);
    XYStepAreaRenderer ddRenderer = new XYStepAreaRenderer(XYStepAreaRenderer.AREA_AND_SHAPES);
    ddRenderer.setShapesVisible(false);
    ddRenderer.setSeriesPaint(0, new Color(0xd3, 0x2f, 0x2f, 150));
    XYPlot bottom = new XYPlot(new XYSeriesCollection(drawdown), null, ddAxis, ddRenderer);
    for (XYPlot p : new XYPlot[] {top, bottom}) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(new Color(0xe0, 0xe0, 0xe0));
      p.setRangeGridlinePaint(new Color(0xe0, 0xe0, 0xe0));
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.add(top, 3);
    plot.add(bottom, 1);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed for " + title, e);
    }
    return out.toByteArray();
  }
}
