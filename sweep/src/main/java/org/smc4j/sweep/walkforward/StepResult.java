package org.smc4j.sweep.walkforward;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.sweep.ParamSet;

/**
 * One symbol's walk-forward step: the combination chosen on the train window and what it did there
 * and on the test window.
 *
 * @param symbol the instrument
 * @param window the step
 * @param combo the chosen combination's index, empty when no combination had the minimum trades and
 *     a defined objective in the train window (nothing is traded in the test window then)
 * @param params the chosen combination, empty with {@code combo}
 * @param inSample the chosen combination's train-window metrics, empty with {@code combo}
 * @param outOfSample its test-window metrics, empty with {@code combo}
 */
public record StepResult(
    String symbol,
    WalkForwardWindow window,
    OptionalLong combo,
    Optional<ParamSet> params,
    Optional<PerformanceMetrics> inSample,
    Optional<PerformanceMetrics> outOfSample) {

  /** Validates that every field is given. */
  public StepResult {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(combo, "combo");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(inSample, "inSample");
    Objects.requireNonNull(outOfSample, "outOfSample");
  }

  /**
   * Returns the in-sample net R scaled to the test window's length: what the train window promised
   * for a period as long as the test window.
   *
   * @return the scaled net R, 0 without a chosen combination
   */
  public double inSampleNetRScaled() {
    double trainMs = window.train().to().toEpochMilli() - window.train().from().toEpochMilli();
    double testMs = window.test().to().toEpochMilli() - window.test().from().toEpochMilli();
    return inSample.map(m -> m.totalRNet() * testMs / trainMs).orElse(0.0);
  }

  /** Returns the test window's net R, 0 without a chosen combination. */
  public double outOfSampleNetR() {
    return outOfSample.map(PerformanceMetrics::totalRNet).orElse(0.0);
  }
}
