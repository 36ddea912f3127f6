package org.smc4j.app.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.marketdata.funding.FundingInterval;
import org.smc4j.marketdata.funding.FundingRates;

/**
 * The check of one funding-rate file, read leniently.
 *
 * @param read the settlements and the rows dropped
 * @param irregular consecutive settlements not {@link DataCheckJob#FUNDING_INTERVAL} apart
 */
public record FundingCheck(FundingRates read, List<FundingInterval> irregular)
    implements FileCheck {

  /** Copies the list and checks for nulls. */
  public FundingCheck {
    Objects.requireNonNull(read, "read");
    irregular = List.copyOf(irregular);
  }

  /** Returns the first dropped row, else the first irregular interval. */
  @Override
  public Optional<String> firstProblem() {
    if (!read.problems().isEmpty()) {
      return Optional.of(read.problems().get(0).toString());
    }
    if (!irregular.isEmpty()) {
      return Optional.of(
          SeriesCheck.name(read.file())
              + ":"
              + irregular.get(0).line()
              + ": timestamp: interval is not "
              + DataCheckJob.FUNDING_INTERVAL.toHours()
              + " h");
    }
    return Optional.empty();
  }
}
