package org.smc4j.app.data;

import java.util.Optional;

/**
 * One item of a {@link DataCheckResult}, in the order it is reported: a candle series, a funding
 * file, or a file that could not be read.
 */
public sealed interface FileCheck permits SeriesCheck, FundingCheck, UnreadableFile {

  /**
   * Returns the first problem found in this item, as {@code file:line: field: rule}; empty when
   * there is none (zero-volume bars are warnings, not problems).
   *
   * @return the first problem
   */
  Optional<String> firstProblem();
}
