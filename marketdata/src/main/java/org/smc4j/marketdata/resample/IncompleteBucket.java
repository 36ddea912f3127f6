package org.smc4j.marketdata.resample;

import java.time.Instant;
import java.util.Objects;

/**
 * A target bucket that was not built because some of its source bars are missing (at the start or
 * end of the series, or in a gap).
 *
 * @param openTime the bucket's open time
 * @param barsPresent how many source bars the bucket has, {@code >= 1}
 * @param barsExpected how many it needs, more than {@code barsPresent}
 */
public record IncompleteBucket(Instant openTime, int barsPresent, int barsExpected) {

  /**
   * Validates the bucket.
   *
   * @throws IllegalArgumentException unless {@code 1 <= barsPresent < barsExpected}
   */
  public IncompleteBucket {
    Objects.requireNonNull(openTime, "openTime");
    if (barsPresent < 1 || barsPresent >= barsExpected) {
      throw new IllegalArgumentException(
          "barsPresent must be in [1, barsExpected), was "
              + barsPresent
              + " with barsExpected "
              + barsExpected);
    }
  }

  @Override
  public String toString() {
    return openTime + " (" + barsPresent + " of " + barsExpected + " bars)";
  }
}
