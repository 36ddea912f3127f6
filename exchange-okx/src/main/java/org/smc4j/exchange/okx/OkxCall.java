package org.smc4j.exchange.okx;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one call went out: what the caller needs to decide when to query an ambiguous write.
 *
 * @param endpoint method and path, e.g. {@code POST /api/v5/trade/order}
 * @param serverSentAt the estimated server time at which the last attempt was signed
 * @param expTime the {@code expTime} header of the last attempt, for place/amend requests: once
 *     server time is past it, the order either exists or never will
 * @param attempts how many times the request was sent (2 after a {@code 50102} retry)
 */
public record OkxCall(
    String endpoint, Instant serverSentAt, Optional<Instant> expTime, int attempts) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when attempts is below 0
   */
  public OkxCall {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(serverSentAt, "serverSentAt");
    Objects.requireNonNull(expTime, "expTime");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
    }
  }
}
