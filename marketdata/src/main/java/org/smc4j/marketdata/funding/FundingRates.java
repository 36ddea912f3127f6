package org.smc4j.marketdata.funding;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.smc4j.marketdata.validate.DataProblem;

/**
 * A funding-rate file as read: the history and the rows dropped (lenient mode).
 *
 * @param file the file
 * @param rowsRead data rows in the file (header excluded)
 * @param history the valid settlements
 * @param problems the dropped rows, in line order
 */
public record FundingRates(
    Path file, int rowsRead, FundingRateHistory history, List<DataProblem> problems) {

  /** Copies the list and checks for nulls. */
  public FundingRates {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(history, "history");
    problems = List.copyOf(problems);
  }
}
