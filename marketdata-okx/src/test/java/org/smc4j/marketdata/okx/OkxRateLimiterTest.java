package org.smc4j.marketdata.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;

class OkxRateLimiterTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void shouldUseOkxDocumentedBudgetsPerEndpointGroup() {
    OkxRateLimiter limiter = OkxRateLimiter.documented(InstantSource.system(), Sleeper.SYSTEM);

    assertThat(limiter.budget(OkxEndpoint.CANDLES))
        .isEqualTo(new RateBudget(40, Duration.ofSeconds(2)));
    assertThat(limiter.budget(OkxEndpoint.HISTORY_CANDLES))
        .isEqualTo(new RateBudget(20, Duration.ofSeconds(2)));
    assertThat(limiter.budget(OkxEndpoint.TICKERS))
        .isEqualTo(new RateBudget(20, Duration.ofSeconds(2)));
    assertThat(limiter.budget(OkxEndpoint.INSTRUMENTS))
        .isEqualTo(new RateBudget(20, Duration.ofSeconds(2)));
  }

  @Test
  void shouldMakeThe21stHistoryRequestWaitUntilTheFirstLeavesTheWindow() {
    FakeTime time = new FakeTime(START);
    OkxRateLimiter limiter = OkxRateLimiter.documented(time, time);
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.acquire(OkxEndpoint.HISTORY_CANDLES)).isEqualTo(START);
    }
    // another group is not affected
    assertThat(limiter.acquire(OkxEndpoint.CANDLES)).isEqualTo(START);
    assertThat(time.sleeps()).isEmpty();

    assertThat(limiter.acquire(OkxEndpoint.HISTORY_CANDLES))
        .isEqualTo(START.plus(Duration.ofSeconds(2)));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void shouldNeverBookMoreThanTheBudgetInAnyWindowUnderConcurrentCallers() throws Exception {
    FakeTime time = new FakeTime(START);
    OkxRateLimiter limiter = OkxRateLimiter.documented(time, time);
    List<Long> booked = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    booked.add(limiter.acquire(OkxEndpoint.HISTORY_CANDLES).toEpochMilli());
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(booked).hasSize(200);
    assertThat(maxInAnyWindow(booked, 2_000)).isEqualTo(20);
  }

  @Test
  void shouldKeepConcurrentCallersWithinTheBudgetAsCountedAtTheServer() throws Exception {
    // Real time with a short window: 3 requests per 500 ms, 3 threads x 3 requests.
    EnumMap<OkxEndpoint, RateBudget> budgets = new EnumMap<>(OkxEndpoint.class);
    for (OkxEndpoint e : OkxEndpoint.values()) {
      budgets.put(e, new RateBudget(3, Duration.ofMillis(500)));
    }
    // The history budget is spent for the whole test, so no burst spills over to it and every
    // request goes to /market/candles, the budget under test.
    budgets.put(OkxEndpoint.HISTORY_CANDLES, new RateBudget(1, Duration.ofDays(1)));
    OkxRateLimiter limiter = OkxRateLimiter.of(budgets, InstantSource.system(), Sleeper.SYSTEM);
    limiter.acquire(OkxEndpoint.HISTORY_CANDLES);
    long t0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    BarArrays bars =
        BarArrays.of(
            Timeframe.M5,
            new long[] {t0},
            new double[] {1},
            new double[] {1},
            new double[] {1},
            new double[] {1},
            new double[] {1});
    try (OkxStub stub = new OkxStub(InstantSource.system());
        OkxMarketData okx =
            OkxMarketData.create(
                OkxSettings.defaults()
                    .withBaseUrl(stub.baseUrl())
                    .withTime(InstantSource.system(), Sleeper.SYSTEM, limiter))) {
      stub.handle(OkxEndpoint.CANDLES.path(), CandleFeed.handler(bars, 300, 1440));
      // Warm up the HTTP client and server (the first request's transit is slow), then let the
      // warm-up's booking leave the window.
      okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 1);
      Thread.sleep(500);
      int warmUp = stub.requests().size();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 3; i++) {
                      assertThat(
                              okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 1)
                                  .bars()
                                  .size())
                          .isEqualTo(1);
                    }
                  }));
        }
        for (Future<?> f : futures) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      List<Long> arrivals =
          stub.requests().stream().skip(warmUp).map(OkxStub.Request::atMillis).toList();
      assertThat(arrivals).as("arrival times %s", arrivals).hasSize(9);
      // Arrival = booking + transit; a window shortened by a 150 ms transit allowance must never
      // see more than the budget.
      assertThat(maxInAnyWindow(arrivals, 350))
          .as("arrival times %s", arrivals)
          .isLessThanOrEqualTo(3);
      long span = Collections.max(arrivals) - Collections.min(arrivals);
      assertThat(span).isGreaterThanOrEqualTo(1000 - 150);
    }
  }

  @Test
  void shouldRejectAMissingBudgetAndBadBudgets() {
    assertThatThrownBy(
            () ->
                OkxRateLimiter.of(
                    Map.of(OkxEndpoint.CANDLES, new RateBudget(1, Duration.ofSeconds(1))),
                    InstantSource.system(),
                    Sleeper.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("budgets has no entry for endpoint HISTORY_CANDLES");
    assertThatThrownBy(() -> new RateBudget(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permits must be >= 1, was 0");
    assertThatThrownBy(() -> new RateBudget(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be positive, was PT0S");
  }

  @Test
  void shouldTurnAnInterruptedWaitIntoMarketDataExceptionAndKeepTheFlag() {
    OkxRateLimiter limiter =
        OkxRateLimiter.documented(
            () -> START,
            d -> {
              throw new InterruptedException("stop");
            });
    for (int i = 0; i < 20; i++) {
      limiter.acquire(OkxEndpoint.TICKERS);
    }
    try {
      assertThatThrownBy(() -> limiter.acquire(OkxEndpoint.TICKERS))
          .isInstanceOf(MarketDataException.class)
          .hasMessage(
              "interrupted while waiting for a rate-limit permit of /api/v5/market/tickers");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  static int maxInAnyWindow(List<Long> times, long windowMillis) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int max = 0;
    int lo = 0;
    for (int hi = 0; hi < sorted.size(); hi++) {
      while (sorted.get(hi) - sorted.get(lo) >= windowMillis) {
        lo++;
      }
      max = Math.max(max, hi - lo + 1);
    }
    return max;
  }
}
