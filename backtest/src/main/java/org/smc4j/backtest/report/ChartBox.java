package org.smc4j.backtest.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A price zone drawn on a setup chart from a start time to the right edge of the setup (its exit,
 * or the end of the chart).
 *
 * @param label the legend text, e.g. {@code 15m POI}
 * @param bottom the lower price, finite and {@code > 0}
 * @param top the upper price, {@code >= bottom}
 * @param from where the box starts: the time the zone became known, or the chart's first candle
 *     when that time is not known
 */
public record ChartBox(String label, double bottom, double top, Instant from) {

  /**
   * Validates the box.
   *
   * @throws IllegalArgumentException when a price is not finite and positive or {@code top <
   *     bottom}
   */
  public ChartBox {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(from, "from");
    SetupChart.checkPrice(label + " bottom", bottom);
    SetupChart.checkPrice(label + " top", top);
    if (top < bottom) {
      throw new IllegalArgumentException(
          label + ": top must be >= bottom, was " + top + " < " + bottom);
    }
  }
}
