package org.smc4j.marketdata.funding;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Two consecutive settlements whose distance is not the expected interval (a missing or an extra
 * settlement, or a venue switching to another interval).
 *
 * @param from the earlier settlement
 * @param to the later settlement
 * @param line the line of the later settlement in its file
 */
public record FundingInterval(Instant from, Instant to, int line) {

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException when {@code to} is not after {@code from}
   */
  public FundingInterval {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to " + to + " must be after from " + from);
    }
  }

  /** Returns the distance between the two settlements. */
  public Duration length() {
    return Duration.between(from, to);
  }
}
