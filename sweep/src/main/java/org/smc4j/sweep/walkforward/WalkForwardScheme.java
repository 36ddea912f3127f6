package org.smc4j.sweep.walkforward;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smc4j.sweep.SweepWindow;

/**
 * How a walk-forward cuts its range: train windows of {@code train}, each followed by a test window
 * of {@code test}, stepping by {@code step} (UTC calendar arithmetic, so {@code P1M} is a calendar
 * month). Rolling train windows move with the step; anchored ones all start at the range's start
 * and grow. Steps continue while the test window ends within the range.
 *
 * @param train the train (in-sample) length, positive
 * @param test the test (out-of-sample) length, positive
 * @param step how far each step moves, positive
 * @param anchored whether every train window starts at the range's start
 */
public record WalkForwardScheme(Period train, Period test, Period step, boolean anchored) {

  /**
   * Validates the lengths.
   *
   * @throws IllegalArgumentException when a length is zero or negative
   */
  public WalkForwardScheme {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(step, "step");
    for (Period p : List.of(train, test, step)) {
      if (p.isZero()
          || p.isNegative()
          || p.getYears() < 0
          || p.getMonths() < 0
          || p.getDays() < 0) {
        throw new IllegalArgumentException(
            "train, test and step must be positive periods, were "
                + train
                + ", "
                + test
                + ", "
                + step);
      }
    }
  }

  /**
   * Lists the steps over a range.
   *
   * @param from the range's start
   * @param to the range's end (exclusive)
   * @return the steps, at least one
   * @throws IllegalArgumentException when train plus test is longer than the range
   */
  public List<WalkForwardWindow> windows(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    ZonedDateTime start = from.atZone(ZoneOffset.UTC);
    List<WalkForwardWindow> out = new ArrayList<>();
    for (int k = 0; ; k++) {
      ZonedDateTime shift = start.plus(step.multipliedBy(k));
      ZonedDateTime trainFrom = anchored ? start : shift;
      ZonedDateTime trainTo = shift.plus(train);
      ZonedDateTime testTo = trainTo.plus(test);
      if (testTo.toInstant().isAfter(to)) {
        break;
      }
      out.add(
          new WalkForwardWindow(
              k,
              new SweepWindow(k, trainFrom.toInstant(), trainTo.toInstant()),
              new SweepWindow(k, trainTo.toInstant(), testTo.toInstant())));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "train "
              + train
              + " plus test "
              + test
              + " is longer than the data ["
              + from
              + ", "
              + to
              + ")");
    }
    return out;
  }
}
