package org.smc4j.marketdata.funding;

import java.time.Instant;
import java.util.Objects;

/**
 * One funding settlement.
 *
 * @param settlementTime when the rate was settled (UTC, whole seconds)
 * @param rate the funding rate for the interval as a fraction ({@code 0.0001} = 0.01 %), finite
 */
public record FundingRate(Instant settlementTime, double rate) {

  /**
   * Validates the settlement.
   *
   * @throws IllegalArgumentException when the rate is not finite
   */
  public FundingRate {
    Objects.requireNonNull(settlementTime, "settlementTime");
    if (!Double.isFinite(rate)) {
      throw new IllegalArgumentException("rate must be finite, was " + rate);
    }
  }
}
