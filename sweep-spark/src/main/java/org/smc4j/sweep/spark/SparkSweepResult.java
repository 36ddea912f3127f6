package org.smc4j.sweep.spark;

import java.util.List;
import java.util.Objects;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.SweepSummary;

/**
 * What the driver of a Spark sweep gets back: the summary and the best rows, never all rows (they
 * are in the Parquet output).
 *
 * @param summary what was done, with the failed tasks
 * @param best the best rows of each (symbol, window) by the spec's objective (rows below the
 *     minimum trade count or with an undefined objective are not ranked), by symbol, window, rank
 */
public record SparkSweepResult(SweepSummary summary, List<ResultRow> best) {

  /** Copies the list. */
  public SparkSweepResult {
    Objects.requireNonNull(summary, "summary");
    best = List.copyOf(Objects.requireNonNull(best, "best"));
  }
}
