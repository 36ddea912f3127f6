package org.smc4j.backtest.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A written HTML report.
 *
 * @param file the HTML file
 * @param tradeCharts the number of trade chart images embedded, one per trade
 * @param bytes the file's size
 */
public record ReportFile(Path file, int tradeCharts, long bytes) {

  /** Validates the counts. */
  public ReportFile {
    Objects.requireNonNull(file, "file");
    if (tradeCharts < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "tradeCharts and bytes must be >= 0, were " + tradeCharts + ", " + bytes);
    }
  }
}
