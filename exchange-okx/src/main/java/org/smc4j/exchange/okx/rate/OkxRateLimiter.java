package org.smc4j.exchange.okx.rate;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side token buckets, one per {@link RateRule} and scope key (the instrument for {@link
 * RateScope#UID_INSTRUMENT}, the tag for {@link RateScope#UID_TAG}), each allowing a fraction of
 * OKX's published limit: by default half (OKX-TRADING.md section 15.11), so that a burst from this
 * process never meets OKX's own {@code 50011}. A bucket of rule {@code n} per window {@code w}
 * holds {@code max(1, n * fraction)} tokens and refills {@code n * fraction} per {@code w}.
 *
 * <p>Time comes from the injected clock and waits go through the injected {@link Sleeper}, so a
 * test runs it on simulated time. Thread-safe.
 */
public final class OkxRateLimiter {

  /** The share of OKX's limits used by default. */
  public static final double DEFAULT_FRACTION = 0.5;

  private final InstantSource clock;
  private final Sleeper sleeper;
  private final double fraction;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  private OkxRateLimiter(InstantSource clock, Sleeper sleeper, double fraction) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
    }
    this.fraction = fraction;
  }

  /**
   * Creates a limiter at half of OKX's limits.
   *
   * @param clock the time source of the buckets
   * @param sleeper how to wait for a token
   * @return the limiter
   */
  public static OkxRateLimiter halfOfPublished(InstantSource clock, Sleeper sleeper) {
    return new OkxRateLimiter(clock, sleeper, DEFAULT_FRACTION);
  }

  /**
   * Creates a limiter at a given share of OKX's limits.
   *
   * @param clock the time source of the buckets
   * @param sleeper how to wait for a token
   * @param fraction the share of each published limit, in {@code (0, 1]}
   * @return the limiter
   * @throws IllegalArgumentException when the fraction is outside {@code (0, 1]}
   */
  public static OkxRateLimiter of(InstantSource clock, Sleeper sleeper, double fraction) {
    return new OkxRateLimiter(clock, sleeper, fraction);
  }

  /**
   * Returns the number of requests a full bucket of the rule lets through at once.
   *
   * @param rule the rule
   * @return {@code max(1, permits * fraction)}
   */
  public double burst(RateRule rule) {
    return Math.max(1.0, rule.permits() * fraction);
  }

  /**
   * Blocks until {@code count} requests (or, for {@link RateRule#CANCEL_ALGOS}, orders) of a rule
   * fit into its bucket, and takes them.
   *
   * @param rule the endpoint's rule
   * @param scopeKey the instrument or tag for per-instrument and per-tag rules; ignored otherwise
   * @param count how many permits, at least 1; more than the bucket holds are capped to a full
   *     bucket
   * @return how long the call waited
   * @throws InterruptedException when interrupted while waiting
   */
  public Duration acquire(RateRule rule, String scopeKey, int count) throws InterruptedException {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(scopeKey, "scopeKey");
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    boolean scoped = rule.scope() == RateScope.UID_INSTRUMENT || rule.scope() == RateScope.UID_TAG;
    String key = scoped ? rule.name() + '|' + scopeKey : rule.name();
    TokenBucket bucket =
        buckets.computeIfAbsent(
            key,
            k ->
                new TokenBucket(
                    burst(rule),
                    rule.permits() * fraction / rule.window().toMillis(),
                    clock.millis()));
    double wanted = Math.min(count, bucket.capacity());
    long waited = 0;
    while (true) {
      long waitMillis;
      synchronized (bucket) {
        waitMillis = bucket.tryTake(wanted, clock.millis());
      }
      if (waitMillis == 0) {
        return Duration.ofMillis(waited);
      }
      sleeper.sleep(Duration.ofMillis(waitMillis));
      waited += waitMillis;
    }
  }
}
