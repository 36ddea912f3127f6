package org.smc4j.marketdata.okx;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How {@link OkxMarketData} reaches OKX: the base URL (a local stub in tests), timeouts, the retry
 * policy, the contract-spec cache lifetime, and the injected clock, sleeper, jitter seed and rate
 * limiter.
 *
 * <p>Retries: a request that fails with HTTP 429, OKX code {@code 50011} inside an HTTP 200, an
 * HTTP 5xx, a timeout or a connection error is tried again, up to {@code maxAttempts} attempts in
 * all, after an exponential back-off {@code initialBackoff * 2^(attempt-1)} capped at {@code
 * maxBackoff}, of which a random half is jitter ("equal jitter", drawn from a generator seeded with
 * {@code jitterSeed}). Every attempt books a permit of its endpoint's rate budget first.
 *
 * @param baseUrl the scheme and host of the REST API, e.g. {@code https://www.okx.com}
 * @param requestTimeout how long one request may take (connect and response)
 * @param maxAttempts attempts per request including the first, {@code >= 1}
 * @param initialBackoff the back-off before the second attempt, {@code >= 0}
 * @param maxBackoff the largest back-off, {@code >= initialBackoff}
 * @param instrumentTtl how long fetched contract specifications are reused, {@code >= 0}
 * @param clock the wall clock: decides which candles are finished and when the cache expires
 * @param sleeper how back-offs and rate-limit waits are waited out
 * @param jitterSeed the seed of the back-off jitter
 * @param rateLimiter the endpoint budgets; share one per process (OKX counts per IP)
 */
public record OkxSettings(
    URI baseUrl,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration instrumentTtl,
    InstantSource clock,
    Sleeper sleeper,
    long jitterSeed,
    OkxRateLimiter rateLimiter) {

  /** OKX's production REST host. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://www.okx.com");

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException when the base URL is not absolute http(s) without a path or
   *     query, a duration is negative or zero where it must be positive, {@code maxAttempts < 1},
   *     or {@code maxBackoff < initialBackoff}
   */
  public OkxSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(instrumentTtl, "instrumentTtl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(rateLimiter, "rateLimiter");
    String scheme = baseUrl.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme))
        || baseUrl.getHost() == null
        || !(baseUrl.getRawPath() == null
            || baseUrl.getRawPath().isEmpty()
            || "/".equals(baseUrl.getRawPath()))
        || baseUrl.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) URL with a host and no path or query, was " + baseUrl);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must be >= 0, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be >= initialBackoff " + initialBackoff + ", was " + maxBackoff);
    }
    if (instrumentTtl.isNegative()) {
      throw new IllegalArgumentException("instrumentTtl must be >= 0, was " + instrumentTtl);
    }
  }

  /**
   * Returns the production defaults: {@link #DEFAULT_BASE_URL}, 10 s timeout, 5 attempts, back-off
   * 0.5 s doubling up to 8 s, contract specs cached 1 h, system clock, real sleeps, a time-seeded
   * jitter and the process-wide {@link OkxRateLimiter#shared()}.
   */
  public static OkxSettings defaults() {
    return new OkxSettings(
        DEFAULT_BASE_URL,
        Duration.ofSeconds(10),
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        Duration.ofHours(1),
        InstantSource.system(),
        Sleeper.SYSTEM,
        System.nanoTime(),
        OkxRateLimiter.shared());
  }

  /** Returns a copy with another base URL. */
  public OkxSettings withBaseUrl(URI url) {
    return new OkxSettings(
        url,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        instrumentTtl,
        clock,
        sleeper,
        jitterSeed,
        rateLimiter);
  }

  /** Returns a copy with another request timeout. */
  public OkxSettings withRequestTimeout(Duration timeout) {
    return new OkxSettings(
        baseUrl,
        timeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        instrumentTtl,
        clock,
        sleeper,
        jitterSeed,
        rateLimiter);
  }

  /** Returns a copy with another retry policy. */
  public OkxSettings withRetries(int attempts, Duration initial, Duration max, long seed) {
    return new OkxSettings(
        baseUrl,
        requestTimeout,
        attempts,
        initial,
        max,
        instrumentTtl,
        clock,
        sleeper,
        seed,
        rateLimiter);
  }

  /** Returns a copy with another contract-spec cache lifetime. */
  public OkxSettings withInstrumentTtl(Duration ttl) {
    return new OkxSettings(
        baseUrl,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        ttl,
        clock,
        sleeper,
        jitterSeed,
        rateLimiter);
  }

  /**
   * Returns a copy on another clock, sleeper and rate limiter (typically all three on simulated
   * time in a test).
   */
  public OkxSettings withTime(InstantSource newClock, Sleeper newSleeper, OkxRateLimiter limiter) {
    return new OkxSettings(
        baseUrl,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        instrumentTtl,
        newClock,
        newSleeper,
        jitterSeed,
        limiter);
  }
}
