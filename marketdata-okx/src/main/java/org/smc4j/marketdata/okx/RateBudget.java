package org.smc4j.marketdata.okx;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests an endpoint group may receive in any sliding window of a given length.
 *
 * @param permits the number of requests allowed per window, {@code >= 1}
 * @param window the window length, positive
 */
public record RateBudget(int permits, Duration window) {

  /**
   * Validates the budget.
   *
   * @throws IllegalArgumentException when {@code permits < 1} or the window is not positive
   */
  public RateBudget {
    Objects.requireNonNull(window, "window");
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be >= 1, was " + permits);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
  }
}
