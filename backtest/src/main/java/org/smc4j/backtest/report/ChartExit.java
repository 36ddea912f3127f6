package org.smc4j.backtest.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The exit of a closed trade, drawn on its chart.
 *
 * @param time the open time of the candle on which the exit filled
 * @param price the exit fill price, finite and {@code > 0}
 * @param reason why the trade closed, e.g. {@code TARGET}
 */
public record ChartExit(Instant time, double price, String reason) {

  /**
   * Validates the exit.
   *
   * @throws IllegalArgumentException when the price is not finite and positive
   */
  public ChartExit {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(reason, "reason");
    SetupChart.checkPrice("exit price", price);
  }
}
