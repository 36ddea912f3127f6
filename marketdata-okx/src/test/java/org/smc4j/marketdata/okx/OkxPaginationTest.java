package org.smc4j.marketdata.okx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;

/**
 * Pagination over a real 90-day 5m history (Bybit BTCUSDT, 25,920 bars) served as OKX pages by the
 * local stub with OKX's {@code after}/{@code before}/{@code limit} semantics.
 */
class OkxPaginationTest {

  private static BarArrays real;

  private FakeTime time;
  private OkxStub stub;

  @BeforeAll
  static void load() {
    real =
        CandleCsvReader.STRICT
            .read(SharedData.requireData("bybit-linear/BTCUSDT/5m/BTCUSDT_5m.csv"))
            .bars();
  }

  private OkxMarketData serve(BarArrays bars, Instant now) {
    time = new FakeTime(now);
    stub = new OkxStub(time);
    stub.handle(OkxEndpoint.CANDLES.path(), CandleFeed.handler(bars, 300, 1440));
    stub.handle(
        OkxEndpoint.HISTORY_CANDLES.path(), CandleFeed.handler(bars, 100, Integer.MAX_VALUE));
    return OkxMarketData.create(
        OkxSettings.defaults()
            .withBaseUrl(stub.baseUrl())
            .withTime(time, time, OkxRateLimiter.documented(time, time)));
  }

  @AfterEach
  void stop() {
    if (stub != null) {
      stub.close();
    }
  }

  private static Instant end(BarArrays bars) {
    return Instant.ofEpochMilli(bars.closeTimeMillis(bars.size() - 1));
  }

  @Test
  void shouldReassembleTheWholeHistoryExactlyFrom100BarPages() {
    try (OkxMarketData okx = serve(real, end(real).plus(Duration.ofDays(1)))) {
      CandleHistory history =
          okx.closedCandles("BTC-USDT-SWAP", Timeframe.M5, real.openTime(0), end(real));

      assertThat(history.bars().openTimeMillisUnsafe()).isEqualTo(real.openTimeMillisUnsafe());
      assertThat(history.bars().closeUnsafe()).isEqualTo(real.closeUnsafe());
      assertThat(history.bars().highUnsafe()).isEqualTo(real.highUnsafe());
      assertThat(history.bars().volumeUnsafe()).isEqualTo(real.volumeUnsafe());
      assertThat(history.gaps()).isEmpty();
      // 25,920 bars / 100 per page
      assertThat(stub.requests(OkxEndpoint.HISTORY_CANDLES.path())).hasSize(260);
      // 260 requests at 20 per 2 s: the limiter made the (simulated) run last >= 24 s
      assertThat(time.millis() - end(real).plus(Duration.ofDays(1)).toEpochMilli())
          .isGreaterThanOrEqualTo(24_000);
    }
  }

  @Test
  void shouldPageThroughAHoleAndReportItAsAGap() {
    // remove 1,000 bars (more than a page) from the middle
    BarArrays holed = concat(real.slice(0, 5_000), real.slice(6_000, 8_000));
    try (OkxMarketData okx = serve(holed, end(holed).plus(Duration.ofHours(1)))) {
      CandleHistory history =
          okx.closedCandles("BTC-USDT-SWAP", Timeframe.M5, holed.openTime(0), end(holed));

      assertThat(history.bars().size()).isEqualTo(7_000);
      assertThat(history.gaps())
          .containsExactly(new CandleGap(real.openTime(4_999), real.openTime(6_000), 1_000));
    }
  }

  @Test
  void shouldStopAtTheLimitWhenAskedForBarsSinceAnInstant() {
    try (OkxMarketData okx = serve(real, end(real))) {
      CandleHistory history =
          okx.closedCandles("BTC-USDT-SWAP", Timeframe.M5, real.openTime(1_234), 250);

      assertThat(history.bars().openTimeMillisUnsafe())
          .isEqualTo(real.slice(1_234, 1_484).openTimeMillisUnsafe());
      assertThat(stub.requests(OkxEndpoint.HISTORY_CANDLES.path())).hasSize(3);
    }
  }

  @Test
  void shouldSpreadABurstOfLatestCandleRequestsOverBothCandleBudgets() {
    Instant now = end(real).plus(Duration.ofSeconds(1));
    try (OkxMarketData okx = serve(real, now)) {
      List<CandleHistory> answers = new ArrayList<>();
      // A scan of 60 symbols right after a close: 40 fit /market/candles (40 per 2 s), the next
      // 20 go to /market/history-candles (its own 20 per 2 s); nobody waits.
      for (int k = 0; k < 60; k++) {
        answers.add(okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 2));
      }
      assertThat(stub.requests(OkxEndpoint.CANDLES.path())).hasSize(40);
      assertThat(stub.requests(OkxEndpoint.HISTORY_CANDLES.path())).hasSize(20);
      assertThat(time.sleeps()).isEmpty();
      for (CandleHistory h : answers) {
        assertThat(h.bars().openTimeMillisUnsafe())
            .containsExactly(
                real.openTimeMillis(real.size() - 2), real.openTimeMillis(real.size() - 1));
      }

      // With both budgets spent, the 61st waits for /market/candles.
      okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 2);
      assertThat(stub.requests(OkxEndpoint.CANDLES.path())).hasSize(41);
      assertThat(time.sleeps()).isNotEmpty();
      // It waited for the oldest of the 40 bookings to leave the 2 s window.
      assertThat(time.millis()).isGreaterThanOrEqualTo(now.toEpochMilli() + 2_000);
    }
  }

  @Test
  void shouldCombineRecentCandlesWithHistoryForTheLatestBars() {
    // "now" is inside the last bar: it is forming and must not be returned
    Instant now = real.openTime(real.size() - 1).plus(Duration.ofMinutes(2));
    try (OkxMarketData okx = serve(real, now)) {
      CandleHistory history = okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 2_000);

      BarArrays expected = real.slice(real.size() - 2_001, real.size() - 1);
      assertThat(history.bars().openTimeMillisUnsafe()).isEqualTo(expected.openTimeMillisUnsafe());
      assertThat(history.bars().openUnsafe()).isEqualTo(expected.openUnsafe());
      // /market/candles serves only the latest 1,440 bars; the rest came from history-candles
      assertThat(stub.requests(OkxEndpoint.CANDLES.path())).isNotEmpty();
      assertThat(stub.requests(OkxEndpoint.HISTORY_CANDLES.path())).isNotEmpty();
    }
  }

  @Test
  void shouldHandEachPageOverBeforeFetchingTheNextAndResumeAfterAKnownCandle() {
    try (OkxMarketData okx = serve(real, end(real))) {
      List<CandlePage> pages = new ArrayList<>();
      okx.forEachClosedPage(
          "BTC-USDT-SWAP",
          Timeframe.M5,
          real.openTime(301),
          real.openTime(700),
          OptionalLong.of(real.openTimeMillis(299)),
          page -> {
            assertThat(stub.requests()).hasSize(pages.size() + 1);
            return pages.add(page);
          });

      assertThat(pages).hasSize(4);
      assertThat(pages.get(0).bars().openTime(0)).isEqualTo(real.openTime(301));
      // bar 300 was skipped by the caller: the gap to the known candle 299 is reported
      assertThat(pages.get(0).gaps())
          .containsExactly(new CandleGap(real.openTime(299), real.openTime(301), 1));
      assertThat(pages.get(3).coveredUntil()).isEqualTo(real.openTime(700));
      assertThat(pages.stream().mapToInt(p -> p.bars().size()).sum()).isEqualTo(399);
    }
  }

  private static BarArrays concat(BarArrays a, BarArrays b) {
    int n = a.size() + b.size();
    long[] t = new long[n];
    double[][] cols = new double[5][n];
    for (int i = 0; i < n; i++) {
      BarArrays s = i < a.size() ? a : b;
      int j = i < a.size() ? i : i - a.size();
      t[i] = s.openTimeMillis(j);
      cols[0][i] = s.open(j);
      cols[1][i] = s.high(j);
      cols[2][i] = s.low(j);
      cols[3][i] = s.close(j);
      cols[4][i] = s.volume(j);
    }
    return BarArrays.of(a.timeframe(), t, cols[0], cols[1], cols[2], cols[3], cols[4]);
  }
}
