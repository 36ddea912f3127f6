package org.smc4j.app.config;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.smc4j.marketdata.okx.OkxRateLimiter;
import org.smc4j.marketdata.okx.OkxSettings;
import org.smc4j.marketdata.okx.Sleeper;

/**
 * The {@code okx} section: where OKX is and how requests are retried.
 *
 * @param baseUrl the REST base URL ({@code https://www.okx.com}; a local stub in tests)
 * @param requestTimeout how long one request may take
 * @param maxAttempts attempts per request, including the first
 * @param initialBackoff back-off before the second attempt (doubles, with jitter)
 * @param maxBackoff the largest back-off
 * @param instrumentTtl how long contract specs are reused before they are fetched again
 */
public record OkxConfig(
    URI baseUrl,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration instrumentTtl) {

  /** The production defaults, as {@link OkxSettings#defaults()}. */
  public static final OkxConfig DEFAULT =
      new OkxConfig(
          OkxSettings.DEFAULT_BASE_URL,
          Duration.ofSeconds(10),
          5,
          Duration.ofMillis(500),
          Duration.ofSeconds(8),
          Duration.ofHours(1));

  /**
   * Validates the values by the rules of {@link OkxSettings}.
   *
   * @throws IllegalArgumentException as {@link OkxSettings}'s constructor
   */
  public OkxConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(instrumentTtl, "instrumentTtl");
    new OkxSettings(
        baseUrl,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        instrumentTtl,
        InstantSource.system(),
        Sleeper.SYSTEM,
        0L,
        OkxRateLimiter.shared());
  }

  /** Returns a copy with another base URL. */
  public OkxConfig withBaseUrl(URI url) {
    return new OkxConfig(
        url, requestTimeout, maxAttempts, initialBackoff, maxBackoff, instrumentTtl);
  }

  /**
   * Builds the market-data settings.
   *
   * @param clock the wall clock
   * @param sleeper how to wait
   * @param limiter the process-wide rate limiter
   * @param jitterSeed the back-off jitter seed
   * @return the settings
   */
  public OkxSettings toSettings(
      InstantSource clock, Sleeper sleeper, OkxRateLimiter limiter, long jitterSeed) {
    return new OkxSettings(
        baseUrl,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        instrumentTtl,
        clock,
        sleeper,
        jitterSeed,
        limiter);
  }
}
