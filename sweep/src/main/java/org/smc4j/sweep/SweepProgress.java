package org.smc4j.sweep;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a sweep has got, counting only the work of this run (resumed tasks are not counted as
 * done here).
 *
 * @param tasksDone tasks finished in this run
 * @param tasksTotal tasks to run in this run
 * @param combosDone backtests finished in this run
 * @param combosTotal backtests to run in this run
 * @param elapsed time since this run started
 */
public record SweepProgress(
    long tasksDone, long tasksTotal, long combosDone, long combosTotal, Duration elapsed) {

  /** Returns the backtests per second so far, 0 before the first. */
  public double combosPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? combosDone / s : 0;
  }

  /** Returns the time left at the rate so far, empty before the first backtest. */
  public Optional<Duration> eta() {
    if (combosDone == 0) {
      return Optional.empty();
    }
    double perCombo = (double) elapsed.toNanos() / combosDone;
    return Optional.of(Duration.ofNanos((long) (perCombo * (combosTotal - combosDone))));
  }

  /** Receives progress; called from worker threads, one call at a time. */
  @FunctionalInterface
  public interface Listener {

    /** A listener that ignores progress. */
    Listener NONE = p -> {};

    /**
     * Called after each finished task.
     *
     * @param progress the progress
     */
    void onProgress(SweepProgress progress);
  }
}
