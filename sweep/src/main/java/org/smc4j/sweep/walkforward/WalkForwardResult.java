package org.smc4j.sweep.walkforward;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.backtest.metrics.EquityCurve;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.sweep.stats.DeflatedSharpeRatio;
import org.smc4j.sweep.stats.ProbabilityOfOverfitting;

/**
 * What a walk-forward found.
 *
 * @param steps every symbol's steps, by symbol then step
 * @param outOfSample the test windows' trades laid end to end, as the metrics the backtest computes
 *     (all symbols)
 * @param outOfSampleCurve the stitched out-of-sample equity curve, one point per trade
 * @param curve the in-sample and out-of-sample net R, cumulative, at each test window's end
 * @param pbo the probability of backtest overfitting over the full range, empty when it cannot be
 *     computed (fewer than 2 combinations, too few days)
 * @param deflatedSharpe the deflated Sharpe ratio of the full range's best combination, empty when
 *     it cannot be computed
 * @param notes why a statistic is missing, if one is
 */
public record WalkForwardResult(
    List<StepResult> steps,
    PerformanceMetrics outOfSample,
    EquityCurve outOfSampleCurve,
    List<CurvePoint> curve,
    Optional<ProbabilityOfOverfitting.Result> pbo,
    Optional<DeflatedSharpeRatio.Result> deflatedSharpe,
    List<String> notes) {

  /**
   * The in-sample promise beside the out-of-sample result at a test window's end.
   *
   * @param time the test window's end
   * @param inSampleNetR cumulative in-sample net R, each step scaled to its test window's length
   * @param outOfSampleNetR cumulative out-of-sample net R
   */
  public record CurvePoint(Instant time, double inSampleNetR, double outOfSampleNetR) {

    /** Validates that the time is given. */
    public CurvePoint {
      Objects.requireNonNull(time, "time");
    }
  }

  /** Copies the lists. */
  public WalkForwardResult {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    Objects.requireNonNull(outOfSample, "outOfSample");
    Objects.requireNonNull(outOfSampleCurve, "outOfSampleCurve");
    curve = List.copyOf(Objects.requireNonNull(curve, "curve"));
    Objects.requireNonNull(pbo, "pbo");
    Objects.requireNonNull(deflatedSharpe, "deflatedSharpe");
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }

  /** Returns the in-sample net R promised for the test windows (each step scaled), summed. */
  public double inSampleNetR() {
    return steps.stream().mapToDouble(StepResult::inSampleNetRScaled).sum();
  }

  /** Returns the out-of-sample net R, summed over the test windows. */
  public double outOfSampleNetR() {
    return steps.stream().mapToDouble(StepResult::outOfSampleNetR).sum();
  }

  /**
   * Returns the walk-forward efficiency: out-of-sample net R over the in-sample promise; 1 means no
   * degradation, below 1 the share kept, negative a loss where a gain was promised.
   *
   * @return the ratio, empty when the in-sample promise is not positive
   */
  public OptionalDouble efficiency() {
    double is = inSampleNetR();
    return is > 0 ? OptionalDouble.of(outOfSampleNetR() / is) : OptionalDouble.empty();
  }
}
