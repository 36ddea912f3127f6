package org.smc4j.backtest.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A written HTML report.
 *
 * @param file the HTML file
 * @param charts the number of symbol candle charts it draws
 * @param trades the number of trades it shows
 * @param bytes the file's size
 */
public record ReportFile(Path file, int charts, int trades, long bytes) {

  /** Validates the counts. */
  public ReportFile {
    Objects.requireNonNull(file, "file");
    if (charts < 0 || trades < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "charts, trades and bytes must be >= 0, were " + charts + ", " + trades + ", " + bytes);
    }
  }
}
