package org.smc4j.app.scan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.backtest.report.SetupChart;
import org.smc4j.backtest.report.SetupChartRenderer;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.signal.Side;
import org.smc4j.live.scan.SignalChartRenderer;

/**
 * The alert charts of scan and trade, drawn by the backtest report's {@link SetupChartRenderer}.
 */
public final class SetupChartSignalRenderer implements SignalChartRenderer {

  private static final Logger log = LoggerFactory.getLogger(SetupChartSignalRenderer.class);

  @Override
  public byte[] renderPng(String symbol, EntrySignal signal, BarArrays candles) {
    return SetupChartRenderer.DEFAULT.renderPng(SetupChart.ofSignal(symbol, signal, candles));
  }

  /** Renders a few small synthetic charts so the first real alert does not pay class loading. */
  @Override
  public void warmUp() {
    int n = 40;
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * Timeframe.M5.millis();
      o[i] = 100 + (i % 7);
      c[i] = 100 + ((i + 3) % 7);
      h[i] = Math.max(o[i], c[i]) + 1;
      l[i] = Math.min(o[i], c[i]) - 1;
      v[i] = 1;
    }
    try {
      SetupChart chart =
          new SetupChart(
              "warm-up",
              Side.LONG,
              BarArrays.of(Timeframe.M5, t, o, h, l, c, v),
              Optional.empty(),
              Optional.empty(),
              List.of(),
              Instant.ofEpochMilli(t[n - 1] + Timeframe.M5.millis()),
              103,
              false,
              98,
              113,
              Optional.empty());
      for (int k = 0; k < 3; k++) {
        SetupChartRenderer.DEFAULT.renderPng(chart);
      }
    } catch (RuntimeException e) {
      log.debug("chart warm-up failed (charts render on first use): {}", e.toString());
    }
  }
}
