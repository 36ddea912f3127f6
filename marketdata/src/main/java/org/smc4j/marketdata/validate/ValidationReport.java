package org.smc4j.marketdata.validate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.Timeframe;

/**
 * What validation found in one candle series (one or more files read as one series).
 *
 * @param files the files in series order (sorted by their first open time)
 * @param timeframe the series' timeframe
 * @param rowsRead data rows in all files (headers excluded), readable or not
 * @param barsKept bars in the validated series
 * @param firstOpenTime the first kept bar's open time, empty when no bar was kept
 * @param lastOpenTime the last kept bar's open time, empty when no bar was kept
 * @param gaps holes between consecutive kept bars, in time order
 * @param problems rows dropped as invalid (lenient mode), in file and line order
 * @param warnings bars kept but flagged (zero volume), in series order
 */
public record ValidationReport(
    List<Path> files,
    Timeframe timeframe,
    int rowsRead,
    int barsKept,
    Optional<Instant> firstOpenTime,
    Optional<Instant> lastOpenTime,
    List<Gap> gaps,
    List<DataProblem> problems,
    List<DataProblem> warnings) {

  /**
   * Validates and copies the report.
   *
   * @throws IllegalArgumentException when a count is negative or more bars are kept than read
   */
  public ValidationReport {
    files = List.copyOf(files);
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(firstOpenTime, "firstOpenTime");
    Objects.requireNonNull(lastOpenTime, "lastOpenTime");
    gaps = List.copyOf(gaps);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    if (barsKept < 0 || rowsRead < barsKept) {
      throw new IllegalArgumentException(
          "barsKept must be in [0, rowsRead], was " + barsKept + " with rowsRead " + rowsRead);
    }
  }

  /** Returns true when a row was dropped or a gap was found (warnings do not count). */
  public boolean hasProblems() {
    return !problems.isEmpty() || !gaps.isEmpty();
  }

  /** Returns how many dropped rows are of the given kind (or warnings, for {@code ZERO_VOLUME}). */
  public long count(ProblemKind kind) {
    Objects.requireNonNull(kind, "kind");
    List<DataProblem> list = kind.isWarning() ? warnings : problems;
    return list.stream().filter(p -> p.kind() == kind).count();
  }

  /** Returns the total number of missing bars over all gaps. */
  public long missingBars() {
    return gaps.stream().mapToLong(Gap::missingBars).sum();
  }

  /** Returns the open times of the zero-volume bars, in series order. */
  public List<Instant> zeroVolumeBars() {
    return warnings.stream()
        .filter(p -> p.kind() == ProblemKind.ZERO_VOLUME)
        .flatMap(p -> p.openTime().stream())
        .toList();
  }
}
