package org.smc4j.marketdata.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smc4j.marketdata.MarketDataException;

/** Top USDT swaps by 24 h quote volume, through XChange, against the local stub. */
class OkxTickersTest {

  private static final String TICKERS = OkxEndpoint.TICKERS.path();

  private final FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
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
            .withRetries(attempts, Duration.ofMillis(100), Duration.ofSeconds(1), 7L)
            .withTime(time, time, OkxRateLimiter.documented(time, time)));
  }

  /**
   * The docs fixture with its two inverse swaps kept, plus USDT swaps made from the same object
   * with other ids and numbers: BTC 0.5 x 100000 = 50000 USDT, ETH 20 x 3000 = 60000, DOGE 1e6 x
   * 0.04 = 40000.
   */
  private static String tickers() {
    String fixture = OkxStub.fixture("market-tickers-SWAP.json");
    int start = fixture.indexOf('{', fixture.indexOf("\"data\""));
    int end = fixture.indexOf('}', start) + 1;
    String template = fixture.substring(start, end);
    String btc = usdt(template, "BTC-USDT-SWAP", "100000", "0.5");
    String eth = usdt(template, "ETH-USDT-SWAP", "3000", "20");
    String doge = usdt(template, "DOGE-USDT-SWAP", "0.04", "1000000");
    return fixture.substring(0, end) + "," + btc + "," + eth + "," + doge + fixture.substring(end);
  }

  private static String usdt(String template, String instId, String last, String volCcy24h) {
    return template
        .replace("\"LTC-USD-SWAP\"", "\"" + instId + "\"")
        .replace("\"last\":\"9999.99\"", "\"last\":\"" + last + "\"")
        .replace("\"volCcy24h\":\"2222\"", "\"volCcy24h\":\"" + volCcy24h + "\"");
  }

  @Test
  void shouldRankUsdtSwapsByVolCcy24hTimesLastAndSkipInverseSwaps() {
    stub.script(TICKERS, OkxStub.Reply.ok(tickers()));
    try (OkxMarketData okx = okx(1)) {
      assertThat(okx.topUsdtSwapsByQuoteVolume(2))
          .containsExactly(
              new SwapVolume("ETH-USDT-SWAP", 3000, 20, 60_000),
              new SwapVolume("BTC-USDT-SWAP", 100_000, 0.5, 50_000));
      assertThat(okx.topUsdtSwapsByQuoteVolume(10))
          .extracting(SwapVolume::instId)
          .containsExactly("ETH-USDT-SWAP", "BTC-USDT-SWAP", "DOGE-USDT-SWAP");
      assertThat(stub.requests(TICKERS)).hasSize(2);
      assertThat(stub.requests(TICKERS).get(0).query()).containsEntry("instType", "SWAP");
    }
  }

  @Test
  void shouldMakeNoRequestWhenCreatingTheXchangeExchange() {
    stub.script(TICKERS, OkxStub.Reply.ok(tickers()));
    try (OkxMarketData okx = okx(1)) {
      okx.topUsdtSwapsByQuoteVolume(1);
      // remote metadata is off: no SPOT/SWAP instrument requests at exchange creation
      assertThat(stub.requests()).extracting(OkxStub.Request::path).containsExactly(TICKERS);
    }
  }

  @Test
  void shouldRetryHttp429ThroughXchange() {
    stub.script(
        TICKERS,
        OkxStub.Reply.status(429, OkxStub.fixture("error-50011-rate-limit-http429.json")),
        OkxStub.Reply.ok(tickers()));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.topUsdtSwapsByQuoteVolume(1)).hasSize(1);
      assertThat(stub.requests(TICKERS)).hasSize(2);
    }
  }

  @Test
  void shouldRetry50011InsideHttp200ThroughXchange() {
    stub.script(
        TICKERS,
        OkxStub.Reply.ok("{\"code\":\"50011\",\"msg\":\"Rate limit reached.\",\"data\":[]}"),
        OkxStub.Reply.status(502, "bad gateway"),
        OkxStub.Reply.ok(tickers()));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.topUsdtSwapsByQuoteVolume(1)).hasSize(1);
      assertThat(stub.requests(TICKERS)).hasSize(3);
    }
  }

  @Test
  void shouldRetryATimeoutThroughXchangeAndThenGiveUpNamingTheEndpoint() {
    stub.script(TICKERS, OkxStub.Reply.slow(1_500, tickers()));
    try (OkxMarketData okx = okx(2)) {
      assertThatThrownBy(() -> okx.topUsdtSwapsByQuoteVolume(1))
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("GET /api/v5/market/tickers?instType=SWAP: failed after 2 attempts")
          .hasMessageContaining("last error: timed out");
      assertThat(stub.requests(TICKERS)).hasSize(2);
    }
  }

  @Test
  void shouldRetryTruncatedTickerJsonAndThenRank() {
    String whole = tickers();
    stub.script(
        TICKERS,
        OkxStub.Reply.ok(whole.substring(0, whole.length() - 40)),
        OkxStub.Reply.ok(whole));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.topUsdtSwapsByQuoteVolume(3)).hasSize(3);
      assertThat(stub.requests(TICKERS)).hasSize(2);
    }
  }

  @Test
  void shouldGiveUpOnMalformedTickerJsonWithOneLineNamingTheEndpoint() {
    stub.script(TICKERS, OkxStub.Reply.ok("{\"code\":\"0\",\"data\":[{\"instId\":"));
    try (OkxMarketData okx = okx(3)) {
      assertThatThrownBy(() -> okx.topUsdtSwapsByQuoteVolume(1))
          .isInstanceOf(MarketDataException.class)
          .hasMessageStartingWith(
              "GET /api/v5/market/tickers?instType=SWAP: failed after 3 attempts; last error:"
                  + " malformed JSON")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(stub.requests(TICKERS)).hasSize(3);
    }
  }

  @Test
  void shouldTreatAnEmptyTickerListAsAFailureAndRetryIt() {
    stub.script(
        TICKERS,
        OkxStub.Reply.ok("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}"),
        OkxStub.Reply.ok(tickers()));
    try (OkxMarketData okx = okx(3)) {
      assertThat(okx.topUsdtSwapsByQuoteVolume(2))
          .extracting(SwapVolume::instId)
          .containsExactly("ETH-USDT-SWAP", "BTC-USDT-SWAP");
      assertThat(stub.requests(TICKERS)).hasSize(2);
    }
  }

  @Test
  void shouldFailNamingTheEndpointWhenEveryAnswerHasNoUsableUsdtSwap() {
    // The docs fixture itself: two inverse swaps only, nothing to rank.
    stub.script(TICKERS, OkxStub.Reply.ok(OkxStub.fixture("market-tickers-SWAP.json")));
    try (OkxMarketData okx = okx(2)) {
      assertThatThrownBy(() -> okx.topUsdtSwapsByQuoteVolume(1))
          .isInstanceOf(MarketDataException.class)
          .hasMessage(
              "GET /api/v5/market/tickers?instType=SWAP: failed after 2 attempts; last error: none"
                  + " of the 2 tickers is a USDT swap (*-USDT-SWAP) with a positive last and a"
                  + " volCcy24h");
      assertThat(stub.requests(TICKERS)).hasSize(2);
    }
  }

  @Test
  void shouldSayOkxIsUnreachableThroughXchangeToo() throws IOException {
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
      assertThatThrownBy(() -> okx.topUsdtSwapsByQuoteVolume(1))
          .isInstanceOfSatisfying(
              OkxUnreachableException.class,
              e -> {
                assertThat(e.host()).isEqualTo("127.0.0.1");
                assertThat(e.request()).isEqualTo("GET /api/v5/market/tickers?instType=SWAP");
                assertThat(e.getMessage()).doesNotContain("\n");
              });
    }
  }

  @Test
  void shouldFailOnAnOkxErrorCodeInsideHttp200() {
    stub.script(
        TICKERS, OkxStub.Reply.ok("{\"code\":\"50026\",\"msg\":\"System error\",\"data\":[]}"));
    try (OkxMarketData okx = okx(3)) {
      assertThatThrownBy(() -> okx.topUsdtSwapsByQuoteVolume(1))
          .isInstanceOf(MarketDataException.class)
          .hasMessage(
              "GET /api/v5/market/tickers?instType=SWAP: OKX error code 50026: System error");
    }
  }

  @Test
  void shouldRejectANonPositiveCount() {
    try (OkxMarketData okx = okx(1)) {
      assertThatThrownBy(() -> okx.topUsdtSwapsByQuoteVolume(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("n must be >= 1, was 0");
    }
  }
}
