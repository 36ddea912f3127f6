package org.smc4j.sweep;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a sweep run did.
 *
 * @param tasks the sweep's tasks
 * @param resumed tasks skipped because the sink already held them
 * @param ran tasks run and stored in this run
 * @param combos backtests run in this run
 * @param elapsed wall time of this run
 * @param failures the tasks that failed, in task order
 */
public record SweepSummary(
    int tasks, int resumed, int ran, long combos, Duration elapsed, List<TaskFailure> failures) {

  /** Copies the failures. */
  public SweepSummary {
    Objects.requireNonNull(elapsed, "elapsed");
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
  }
}
