package org.smc4j.backtest.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A price level drawn on a setup chart from a start time to the entry, e.g. the 5m level the entry
 * trigger acted on.
 *
 * @param label the text drawn beside it, e.g. {@code MSS level}
 * @param price the level, finite and {@code > 0}
 * @param from where the line starts, e.g. the open of the bar that tapped the POI
 */
public record ChartLevel(String label, double price, Instant from) {

  /**
   * Validates the level.
   *
   * @throws IllegalArgumentException when the price is not finite and positive
   */
  public ChartLevel {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(from, "from");
    SetupChart.checkPrice(label, price);
  }

  /**
   * Returns the trigger level of a setup: the 5m swing an MSS closed beyond, or the near edge of
   * the 5m gap of an FVG entry.
   *
   * @param trigger the trigger name, {@code MSS} or {@code FVG}
   * @param price the level
   * @param tapTime the open of the bar that tapped the POI
   * @return the level
   */
  static ChartLevel trigger(String trigger, double price, Instant tapTime) {
    String label = trigger.equals("FVG") ? "5m FVG edge" : trigger + " level";
    return new ChartLevel(label, price, tapTime);
  }
}
