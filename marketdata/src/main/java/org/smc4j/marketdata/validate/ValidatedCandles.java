package org.smc4j.marketdata.validate;

import java.util.Objects;
import org.smc4j.core.bar.BarArrays;

/**
 * A validated candle series and what validation found.
 *
 * @param bars the valid bars, strictly increasing in open time, on the timeframe's grid
 * @param report gaps, dropped rows and warnings
 */
public record ValidatedCandles(BarArrays bars, ValidationReport report) {

  /**
   * Checks that both parts are present and agree.
   *
   * @throws IllegalArgumentException when the bar count or timeframe differs from the report's
   */
  public ValidatedCandles {
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(report, "report");
    if (bars.size() != report.barsKept() || !bars.timeframe().equals(report.timeframe())) {
      throw new IllegalArgumentException(
          "bars ("
              + bars.size()
              + " of "
              + bars.timeframe()
              + ") do not match the report ("
              + report.barsKept()
              + " of "
              + report.timeframe()
              + ")");
    }
  }
}
