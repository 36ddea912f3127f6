package org.smc4j.exchange.okx.rate;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter for requests OKX answered with a rate limit ({@code 50011},
 * {@code 50061}) or a retryable failure: attempt {@code n} (from 1) waits a uniformly random time
 * in {@code [0, min(max, base * 2^(n-1))]}, so that clients that were limited together do not retry
 * together.
 *
 * @param base the cap of the first wait, positive
 * @param max the largest cap, at least {@code base}
 */
public record Backoff(Duration base, Duration max) {

  /** 100 ms doubling up to 2 s: a rate-limit window of OKX is 1 to 2 s. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

  /**
   * Validates the backoff.
   *
   * @throws IllegalArgumentException when {@code base} is not positive or {@code max} is below it
   */
  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base must be > 0, was " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max must be >= base " + base + ", was " + max);
    }
  }

  /**
   * Returns the largest wait of an attempt.
   *
   * @param attempt the attempt number, from 1
   * @return {@code min(max, base * 2^(attempt-1))}
   * @throws IllegalArgumentException when the attempt is below 1
   */
  public Duration cap(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    int shift = Math.min(attempt - 1, 30);
    long millis = base.toMillis() << shift;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }

  /**
   * Draws the wait of an attempt.
   *
   * @param attempt the attempt number, from 1
   * @param random the random source (seeded in tests)
   * @return a wait in {@code [0, cap(attempt)]}
   */
  public Duration delay(int attempt, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    return Duration.ofMillis(random.nextLong(cap(attempt).toMillis() + 1));
  }
}
