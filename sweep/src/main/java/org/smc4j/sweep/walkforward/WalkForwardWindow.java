package org.smc4j.sweep.walkforward;

import java.util.Objects;
import org.smc4j.sweep.SweepWindow;

/**
 * One step of a walk-forward: parameters are chosen on {@code train} and run on {@code test}, which
 * starts where {@code train} ends.
 *
 * @param index the step, from 0
 * @param train the in-sample window (its index is the step's)
 * @param test the out-of-sample window (its index is the step's)
 */
public record WalkForwardWindow(int index, SweepWindow train, SweepWindow test) {

  /**
   * Validates the step.
   *
   * @throws IllegalArgumentException when the windows' indices differ from the step's or the test
   *     window does not start where the train window ends
   */
  public WalkForwardWindow {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (train.index() != index || test.index() != index) {
      throw new IllegalArgumentException(
          "step " + index + ": windows numbered " + train.index() + " and " + test.index());
    }
    if (!test.from().equals(train.to())) {
      throw new IllegalArgumentException(
          "step " + index + ": test from " + test.from() + " must equal train to " + train.to());
    }
  }
}
