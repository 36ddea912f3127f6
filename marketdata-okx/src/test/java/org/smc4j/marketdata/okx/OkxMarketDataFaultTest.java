package org.smc4j.marketdata.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;

/**
 * Faults served by a local OKX stub and what the adapter makes of them: retried then succeeded, or
 * failed with a message naming the endpoint.
 */
class OkxMarketDataFaultTest {

  private static final String CANDLES = OkxEndpoint.CANDLES.path();
  private static final String HISTORY = OkxEndpoint.HISTORY_CANDLES.path();
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final long M5 = Timeframe.M5.millis();

  private final FakeTime time = new FakeTime(Instant.parse("2025-01-01T01:00:00Z"));
  private final OkxStub stub = new OkxStub(time);

  @AfterEach
  void stop() {
    stub.close();
  }

  private OkxMarketData okx(int attempts) {
    return OkxMarketData.create(
        OkxSettings.defaults()
            .withBaseUrl(stub.baseUrl())
            .withRequestTimeout(Duration.ofMillis(300))
            .withRetries(attempts, Duration.ofMillis(200), Duration.ofSeconds(2), 42L)
            .withTime(time, time, OkxRateLimiter.documented(time, time)));
  }

  /** Twelve closed 5m candles 00:00 .. 00:55, newest first, as OKX sends them. */
  private static String twelveCandles() {
    List<String> rows = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      double base = 100 + i;
      rows.add(
          CandleFeed.row(T0.toEpochMilli() + i * M5, base, base + 2, base - 1, base + 1, 10, "1"));
    }
    return CandleFeed.envelope(rows);
  }

  @Test
  void shouldRetryAfterHttp429WithOkxBodyAndThenReturnTheCandles() {
    stub.script(
        CANDLES,
        OkxStub.Reply.status(429, OkxStub.fixture("error-50011-rate-limit-http429.json")),
        OkxStub.Reply.ok(twelveCandles()));
    try (OkxMarketData okx = okx(3)) {
      CandleHistory history = okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12);

      assertThat(history.bars().size()).isEqualTo(12);
      assertThat(history.bars().openTime(0)).isEqualTo(T0);
      assertThat(history.bars().close(11)).isEqualTo(112.0);
      assertThat(stub.requests(CANDLES)).hasSize(2);
      // one back-off of 200 ms with equal jitter: between 100 and 200 ms
      assertThat(time.sleeps()).hasSize(1);
      assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void shouldRetryOkxCode50011InsideHttp200() {
    stub.script(
        CANDLES,
        OkxStub.Reply.ok(
            "{\"code\":\"50011\",\"msg\":\"Rate limit reached. Please refer to API documentation"
                + " and throttle requests accordingly.\",\"data\":[]}"),
        OkxStub.Reply.ok(twelveCandles()));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12).bars().size())
          .isEqualTo(12);
      assertThat(stub.requests(CANDLES)).hasSize(2);
    }
  }

  @Test
  void shouldRetryHttp500() {
    stub.script(
        CANDLES,
        OkxStub.Reply.status(500, "<html>Internal Server Error</html>"),
        OkxStub.Reply.status(503, "busy"),
        OkxStub.Reply.ok(twelveCandles()));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12).bars().size())
          .isEqualTo(12);
      assertThat(stub.requests(CANDLES)).hasSize(3);
      // back-offs double: [100, 200] then [200, 400] ms
      assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
  }

  @Test
  void shouldRetryARequestThatTimesOut() {
    stub.script(
        CANDLES, OkxStub.Reply.slow(1_500, twelveCandles()), OkxStub.Reply.ok(twelveCandles()));
    try (OkxMarketData okx = okx(2)) {
      assertThat(okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12).bars().size())
          .isEqualTo(12);
      assertThat(stub.requests(CANDLES)).hasSize(2);
    }
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptNamingEndpointAttemptsAndLastError() {
    stub.script(HISTORY, OkxStub.Reply.status(500, "{\"code\":\"50001\",\"msg\":\"down\"}"));
    try (OkxMarketData okx = okx(3)) {
      assertThatThrownBy(
              () ->
                  okx.closedCandles(
                      "BTC-USDT-SWAP", Timeframe.M5, T0, T0.plus(Duration.ofMinutes(30))))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("GET /api/v5/market/history-candles?instId=BTC-USDT-SWAP")
          .hasMessageContaining("failed after 3 attempts")
          .hasMessageContaining("last error: HTTP 500: {\"code\":\"50001\",\"msg\":\"down\"}");
      assertThat(stub.requests(HISTORY)).hasSize(3);
    }
  }

  @Test
  void shouldGiveUpOnTimeoutsNamingTheTimeout() {
    stub.script(CANDLES, OkxStub.Reply.slow(1_500, twelveCandles()));
    try (OkxMarketData okx = okx(2)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("GET /api/v5/market/candles")
          .hasMessageContaining("failed after 2 attempts; last error: timed out after 300 ms");
    }
  }

  @Test
  void shouldRetryTruncatedJsonLikeA5xxAndThenReturnTheCandles() {
    // The body cut off mid-way, as a dropped connection leaves it.
    String whole = twelveCandles();
    stub.script(
        CANDLES, OkxStub.Reply.ok(whole.substring(0, whole.length() / 2)), OkxStub.Reply.ok(whole));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12).bars().size())
          .isEqualTo(12);
      assertThat(stub.requests(CANDLES)).hasSize(2);
    }
  }

  @Test
  void shouldGiveUpOnMalformedJsonAfterTheRetriesWithOneLineNamingTheEndpoint() {
    stub.script(CANDLES, OkxStub.Reply.ok("{\"code\":\"0\",\"msg\":\"\",\"data\":[[\"17"));
    try (OkxMarketData okx = okx(3)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12))
          .isInstanceOf(MarketDataException.class)
          .isNotInstanceOf(OkxUnreachableException.class)
          .hasMessageStartingWith("GET /api/v5/market/candles?instId=BTC-USDT-SWAP")
          .hasMessageContaining("failed after 3 attempts; last error: malformed JSON")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(stub.requests(CANDLES)).hasSize(3);
    }
  }

  @Test
  void shouldRetryAJsonBodyThatIsNoOkxEnvelope() {
    stub.script(CANDLES, OkxStub.Reply.ok("[1,2,3]"), OkxStub.Reply.ok(twelveCandles()));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12).bars().size())
          .isEqualTo(12);
      assertThat(stub.requests(CANDLES)).hasSize(2);
    }
  }

  @Test
  void shouldSayOkxIsUnreachableNamingHostErrorAndHintWhenNothingListens() throws IOException {
    // A port that was free a moment ago: nothing listens there, the connection is refused.
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (OkxMarketData okx =
        OkxMarketData.create(
            OkxSettings.defaults()
                .withBaseUrl(URI.create("http://127.0.0.1:" + port))
                .withRequestTimeout(Duration.ofMillis(500))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20), 1L)
                .withTime(time, time, OkxRateLimiter.documented(time, time)))) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12))
          .isInstanceOfSatisfying(
              OkxUnreachableException.class,
              e -> {
                assertThat(e.host()).isEqualTo("127.0.0.1");
                assertThat(e.attempts()).isEqualTo(2);
                assertThat(e.error()).contains("ConnectException");
                assertThat(e.hint()).contains("--okx-url").contains("--replay");
                assertThat(e.getMessage())
                    .startsWith(
                        "OKX unreachable at http://127.0.0.1:"
                            + port
                            + " (GET /api/v5/market/candles?instId=BTC-USDT-SWAP")
                    .endsWith(OkxUnreachableException.HINT)
                    .doesNotContain("\n");
              });
    }
  }

  @Test
  void shouldFailAtOnceOnAnOkxErrorCodeNamingCodeAndMessage() {
    stub.script(
        CANDLES,
        OkxStub.Reply.ok(
            "{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}"));
    try (OkxMarketData okx = okx(3)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("NOPE-USDT-SWAP", Timeframe.M5, 12))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("GET /api/v5/market/candles?instId=NOPE-USDT-SWAP")
          .hasMessageContaining("OKX error code 51001: Instrument ID does not exist");
      assertThat(stub.requests(CANDLES)).hasSize(1);
    }
  }

  @Test
  void shouldFailAtOnceOnHttp404() {
    stub.script(CANDLES, OkxStub.Reply.status(404, "not found"));
    try (OkxMarketData okx = okx(3)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("GET /api/v5/market/candles")
          .hasMessageContaining("HTTP 404: not found");
      assertThat(stub.requests(CANDLES)).hasSize(1);
    }
  }

  @Test
  void shouldDropTheUnfinishedLastCandleWithConfirmZero() {
    List<String> rows = new ArrayList<>();
    rows.add(CandleFeed.row(T0.toEpochMilli() + 12 * M5, 112, 114, 111, 113, 3, "0"));
    for (int i = 11; i >= 0; i--) {
      rows.add(CandleFeed.row(T0.toEpochMilli() + i * M5, 100, 102, 99, 101, 10, "1"));
    }
    stub.script(CANDLES, OkxStub.Reply.ok(CandleFeed.envelope(rows)));
    time.advance(Duration.ofMinutes(2)); // 01:02, the 01:00 candle is forming
    try (OkxMarketData okx = okx(1)) {
      CandleHistory history = okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 12);

      assertThat(history.bars().size()).isEqualTo(12);
      assertThat(history.bars().openTime(11)).isEqualTo(Instant.parse("2025-01-01T00:55:00Z"));
    }
  }

  @Test
  void shouldDropACandleMarkedConfirmedWhoseCloseIsAfterNow() {
    long[] t = new long[12];
    double[] price = new double[12];
    for (int i = 0; i < 12; i++) {
      t[i] = T0.toEpochMilli() + i * M5;
      price[i] = 100;
    }
    BarArrays bars = BarArrays.of(Timeframe.M5, t, price, price, price, price, price);
    stub.handle(CANDLES, CandleFeed.handler(bars, 300, 1440));
    stub.handle(HISTORY, CandleFeed.handler(bars, 100, Integer.MAX_VALUE));
    time.advance(Duration.ofMinutes(-3)); // 00:57: the 00:55 candle closes at 01:00
    try (OkxMarketData okx = okx(1)) {
      CandleHistory history = okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 20);

      assertThat(history.bars().size()).isEqualTo(11);
      assertThat(history.bars().closeTimeMillis(10)).isLessThanOrEqualTo(time.millis());
    }
  }

  @Test
  void shouldRejectTheDocsExampleWhoseTwoRowsShareOneOpenTime() {
    stub.script(CANDLES, OkxStub.Reply.ok(OkxStub.fixture("market-candles.json")));
    try (OkxMarketData okx = okx(1)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 2))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("GET /api/v5/market/candles")
          .hasMessageContaining("duplicate candle open time 2020-08-10T02:26:23.085Z (row 1)");
    }
  }

  @Test
  void shouldRejectRowsSentOldestFirst() {
    stub.script(CANDLES, OkxStub.Reply.ok(OkxStub.fixture("market-candles-BTC-1m-realistic.json")));
    try (OkxMarketData okx = okx(1)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M1, 2))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining(
              "candle rows out of order: row 1 (2021-07-01T00:01:00Z) is not older than row 0"
                  + " (2021-07-01T00:00:00Z); OKX sends newest first");
    }
  }

  @Test
  void shouldReportAGapInsteadOfInventingBars() {
    List<String> rows = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      if (i == 5 || i == 6) {
        continue;
      }
      rows.add(CandleFeed.row(T0.toEpochMilli() + i * M5, 100, 102, 99, 101, 10, "1"));
    }
    stub.script(CANDLES, OkxStub.Reply.ok(CandleFeed.envelope(rows)));
    try (OkxMarketData okx = okx(1)) {
      CandleHistory history = okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 10);

      assertThat(history.bars().size()).isEqualTo(10);
      assertThat(history.gaps())
          .containsExactly(
              new CandleGap(
                  Instant.parse("2025-01-01T00:20:00Z"), Instant.parse("2025-01-01T00:35:00Z"), 2));
    }
  }

  @Test
  void shouldRejectAnInvalidCandleNamingTimeAndRule() {
    stub.script(
        CANDLES,
        OkxStub.Reply.ok(
            CandleFeed.envelope(
                List.of(CandleFeed.row(T0.toEpochMilli(), 100, 99, 101, 100, 1, "1")))));
    try (OkxMarketData okx = okx(1)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 1))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("BTC-USDT-SWAP candle 2025-01-01T00:00:00Z: high 99.0 < low 101.0");
    }
  }

  @Test
  void shouldRejectACandleOffTheTimeframeGrid() {
    stub.script(
        CANDLES,
        OkxStub.Reply.ok(
            CandleFeed.envelope(
                List.of(CandleFeed.row(T0.toEpochMilli() + 60_000, 100, 101, 99, 100, 1, "1")))));
    try (OkxMarketData okx = okx(1)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 1))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("candle 2025-01-01T00:01:00Z does not open on the 5m grid");
    }
  }

  @Test
  void shouldRejectAMalformedRowNamingTheColumn() {
    stub.script(
        CANDLES,
        OkxStub.Reply.ok(
            "{\"code\":\"0\",\"msg\":\"\",\"data\":[[\"1735689600000\",\"1\",\"x\",\"1\",\"1\","
                + "\"1\",\"1\",\"1\",\"1\"]]}"));
    try (OkxMarketData okx = okx(1)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 1))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("candle row 0: h is not a number: \"x\"");
    }
  }

  @Test
  void shouldRejectATimeframeThatOkxDoesNotServe() {
    try (OkxMarketData okx = okx(1)) {
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.parse("7m"), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timeframe 7m is not an OKX candle bar");
      assertThatThrownBy(() -> okx.latestClosedCandles("BTC-USDT-SWAP", Timeframe.M5, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("count must be >= 1, was 0");
    }
  }
}
