package org.smc4j.live.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sink retries one HTTP call: at most {@code maxAttempts} attempts in all; after a 5xx
 * answer, a timeout or a connection error it waits {@code initialBackoff}, doubling after each
 * further failure up to {@code maxBackoff}; after a 429 it waits exactly what the server asked for
 * ({@code retry_after}), unless that is longer than {@code maxRetryAfter}, in which case it gives
 * up at once rather than block the alert queue for minutes.
 *
 * <p>A timed-out POST may have reached the server, so a retry after a timeout can, rarely, post the
 * alert twice; a duplicate alert is preferred to a lost one.
 *
 * @param maxAttempts attempts per call, including the first; 1 to 10
 * @param initialBackoff wait before the second attempt after a 5xx/timeout/I/O error; positive
 * @param maxBackoff cap of the doubling wait; {@code >= initialBackoff}
 * @param maxRetryAfter the longest rate-limit wait honoured; positive
 */
public record AlertRetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** 4 attempts, backoff 1 s, 2 s, 4 s (cap 30 s), rate-limit waits up to 60 s. */
  public static final AlertRetryPolicy DEFAULT =
      new AlertRetryPolicy(
          4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

  /** Validates the policy. */
  public AlertRetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be in 1..10, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be > 0, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be >= initialBackoff " + initialBackoff + ", was " + maxBackoff);
    }
    if (maxRetryAfter.isNegative() || maxRetryAfter.isZero()) {
      throw new IllegalArgumentException("maxRetryAfter must be > 0, was " + maxRetryAfter);
    }
  }

  /**
   * The wait after the given failed attempt that is retried with backoff.
   *
   * @param failedAttempt the attempt that just failed, from 1
   * @return {@code min(initialBackoff * 2^(failedAttempt - 1), maxBackoff)}
   */
  public Duration backoffAfter(int failedAttempt) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("failedAttempt must be >= 1, was " + failedAttempt);
    }
    Duration wait = initialBackoff;
    for (int k = 1; k < failedAttempt && wait.compareTo(maxBackoff) < 0; k++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
