package org.smc4j.marketdata.okx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.smc4j.marketdata.okx.OkxRateLimiter;
import org.smc4j.marketdata.okx.OkxSettings;
import org.smc4j.marketdata.okx.Sleeper;

class RetryingCallerTest {

  private static RetryingCaller caller(long initialMillis, long maxMillis, long seed) {
    InstantSource clock = () -> Instant.EPOCH;
    Sleeper sleeper = d -> {};
    return new RetryingCaller(
        OkxSettings.defaults()
            .withRetries(5, Duration.ofMillis(initialMillis), Duration.ofMillis(maxMillis), seed)
            .withTime(clock, sleeper, OkxRateLimiter.documented(clock, sleeper)));
  }

  @Property
  void backoffShouldStayBetweenHalfAndAllOfTheCappedExponential(
      @ForAll @IntRange(min = 1, max = 40) int attempt,
      @ForAll @LongRange(min = 0, max = 5_000) long initial,
      @ForAll @LongRange(min = 0, max = 60_000) long extra,
      @ForAll long seed) {
    long max = initial + extra;
    long exponential = Math.min(max, initial * (1L << Math.min(attempt - 1, 20)));
    if (attempt - 1 > 20 && initial > 0) {
      exponential = max;
    }
    Duration backoff = caller(initial, max, seed).backoff(attempt);

    assertThat(backoff.toMillis()).isBetween(exponential / 2, exponential);
  }

  @Property
  void backoffShouldBeReproducibleForOneSeed(@ForAll long seed) {
    assertThat(caller(500, 8_000, seed).backoff(3)).isEqualTo(caller(500, 8_000, seed).backoff(3));
  }
}
