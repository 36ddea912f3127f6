package org.smc4j.exchange.okx.rate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkxRateLimiterTest {

  /** A clock that only moves when the limiter sleeps. */
  private static final class SimulatedTime implements InstantSource, Sleeper {
    private long millis = 1_000_000;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      millis += duration.toMillis();
    }
  }

  @Test
  void shouldLetHalfOfThePublishedBurstThroughThenPace() throws InterruptedException {
    SimulatedTime time = new SimulatedTime();
    OkxRateLimiter limiter = OkxRateLimiter.halfOfPublished(time, time);

    // positions: 10 per 2 s published -> 5 at once, then one every 400 ms.
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire(RateRule.POSITIONS, "", 1)).isZero();
    }
    assertThat(limiter.acquire(RateRule.POSITIONS, "", 1)).isEqualTo(Duration.ofMillis(400));
    assertThat(time.millis).isEqualTo(1_000_400);
  }

  @Test
  void shouldNeverExceedHalfTheLimitInAnyWindow() throws InterruptedException {
    SimulatedTime time = new SimulatedTime();
    OkxRateLimiter limiter = OkxRateLimiter.halfOfPublished(time, time);
    List<Long> stamps = new ArrayList<>();

    for (int i = 0; i < 200; i++) {
      limiter.acquire(RateRule.PLACE_ALGO, "BTC-USDT-SWAP", 1);
      stamps.add(time.millis);
    }

    // 20 per 2 s published: any 2 s window may hold at most 10 (half) + 10 refilled = 20 at the
    // edge of the first burst, and at most 10 + 1 once the bucket is in steady state.
    for (int i = 0; i < stamps.size(); i++) {
      long start = stamps.get(i);
      long inWindow = stamps.stream().filter(t -> t >= start && t < start + 2000).count();
      assertThat(inWindow).isLessThanOrEqualTo(20);
    }
    long steadyStart = stamps.get(100);
    long steady = stamps.stream().filter(t -> t >= steadyStart && t < steadyStart + 2000).count();
    assertThat(steady).isLessThanOrEqualTo(11);
  }

  @Test
  void shouldKeepOneBucketPerInstrumentForInstrumentRules() throws InterruptedException {
    SimulatedTime time = new SimulatedTime();
    OkxRateLimiter limiter = OkxRateLimiter.halfOfPublished(time, time);

    for (int i = 0; i < 10; i++) {
      limiter.acquire(RateRule.PLACE_ALGO, "BTC-USDT-SWAP", 1);
    }
    assertThat(limiter.acquire(RateRule.PLACE_ALGO, "ETH-USDT-SWAP", 1)).isZero();
    assertThat(limiter.acquire(RateRule.PLACE_ALGO, "BTC-USDT-SWAP", 1)).isPositive();
  }

  @Test
  void shouldAllowOneCancelAllAfterEveryTwoSeconds() throws InterruptedException {
    SimulatedTime time = new SimulatedTime();
    OkxRateLimiter limiter = OkxRateLimiter.halfOfPublished(time, time);

    assertThat(limiter.acquire(RateRule.CANCEL_ALL_AFTER, "smc4j", 1)).isZero();
    assertThat(limiter.acquire(RateRule.CANCEL_ALL_AFTER, "smc4j", 1))
        .isEqualTo(Duration.ofSeconds(2));
  }
}
