package org.smc4j.marketdata.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.marketdata.MarketDataException;

/** Contract specs from the instruments endpoint, cached with a TTL on the injected clock. */
class OkxInstrumentsTest {

  private static final String INSTRUMENTS = OkxEndpoint.INSTRUMENTS.path();

  private final FakeTime time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
  private final OkxStub stub = new OkxStub(time);

  @AfterEach
  void stop() {
    stub.close();
  }

  private OkxMarketData okx() {
    return OkxMarketData.create(
        OkxSettings.defaults()
            .withBaseUrl(stub.baseUrl())
            .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(1), 1L)
            .withInstrumentTtl(Duration.ofMinutes(10))
            .withTime(time, time, OkxRateLimiter.documented(time, time)));
  }

  @Test
  void shouldMapTheSwapSpecsWithEverySizeField() {
    stub.script(INSTRUMENTS, OkxStub.Reply.ok(OkxStub.fixture("public-instruments-SWAP.json")));
    try (OkxMarketData okx = okx()) {
      ContractSpec btc = okx.contractSpec("BTC-USDT-SWAP").orElseThrow();

      assertThat(btc.contractValue()).isEqualByComparingTo(new BigDecimal("0.01"));
      assertThat(btc.lotSize()).isEqualByComparingTo(new BigDecimal("0.01"));
      assertThat(btc.minSize()).isEqualByComparingTo(new BigDecimal("0.01"));
      assertThat(btc.tickSize()).isEqualByComparingTo(new BigDecimal("0.1"));
      assertThat(btc.maxMarketSize()).isEqualByComparingTo(new BigDecimal("12000"));
      assertThat(btc.maxLimitSize()).isEqualByComparingTo(new BigDecimal("100000000"));
      assertThat(okx.contractSpec("NOPE-USDT-SWAP")).isEmpty();
      assertThat(stub.requests(INSTRUMENTS).get(0).query()).containsEntry("instType", "SWAP");
    }
  }

  @Test
  void shouldReuseTheSpecsUntilTheTtlRunsOut() {
    stub.script(INSTRUMENTS, OkxStub.Reply.ok(OkxStub.fixture("public-instruments-SWAP.json")));
    try (OkxMarketData okx = okx()) {
      okx.swapInstruments();
      time.advance(Duration.ofMinutes(9));
      okx.contractSpec("ETH-USDT-SWAP");
      assertThat(stub.requests(INSTRUMENTS)).hasSize(1);

      time.advance(Duration.ofMinutes(1));
      okx.swapInstruments();
      assertThat(stub.requests(INSTRUMENTS)).hasSize(2);
    }
  }

  @Test
  void shouldRetryA429OnInstrumentsAndKeepNoCacheAfterAFailure() {
    stub.script(
        INSTRUMENTS,
        OkxStub.Reply.status(429, OkxStub.fixture("error-50011-rate-limit-http429.json")));
    try (OkxMarketData okx = okx()) {
      assertThatThrownBy(okx::swapInstruments)
          .isInstanceOf(MarketDataException.class)
          .hasMessageContaining("GET /api/v5/public/instruments?instType=SWAP: failed after 3")
          .hasMessageContaining(
              "HTTP 429: { \"msg\": \"Too Many Requests\", \"code\": \"50011\" }");
      assertThat(stub.requests(INSTRUMENTS)).hasSize(3);

      stub.script(INSTRUMENTS, OkxStub.Reply.ok(OkxStub.fixture("public-instruments-SWAP.json")));
      assertThat(okx.swapInstruments().specs()).hasSize(3);
    }
  }

  @Test
  void shouldRetryAnEmptyOrTruncatedInstrumentListAndThenMapTheGoodOne() {
    String whole = OkxStub.fixture("public-instruments-SWAP.json");
    stub.script(
        INSTRUMENTS,
        OkxStub.Reply.ok("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}"),
        OkxStub.Reply.ok(whole.substring(0, whole.length() / 2)),
        OkxStub.Reply.ok(whole));
    try (OkxMarketData okx = okx()) {
      assertThat(okx.swapInstruments().specs()).hasSize(3);
      assertThat(stub.requests(INSTRUMENTS)).hasSize(3);
    }
  }

  @Test
  void shouldFailNamingTheEndpointWhenNoAnswerListsAnInstrument() {
    stub.script(INSTRUMENTS, OkxStub.Reply.ok("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}"));
    try (OkxMarketData okx = okx()) {
      assertThatThrownBy(okx::swapInstruments)
          .isInstanceOf(MarketDataException.class)
          .hasMessage(
              "GET /api/v5/public/instruments?instType=SWAP: failed after 3 attempts; last error:"
                  + " the answer lists no instruments (\"data\":[])");
    }
  }

  @Test
  void shouldKeepTheLastGoodInstrumentsWhenARefreshFailsAndRefreshLater() {
    stub.script(INSTRUMENTS, OkxStub.Reply.ok(OkxStub.fixture("public-instruments-SWAP.json")));
    try (OkxMarketData okx = okx()) {
      OkxInstrumentMapper.Mapped good = okx.swapInstruments();
      time.advance(Duration.ofMinutes(11));
      stub.script(
          INSTRUMENTS,
          OkxStub.Reply.ok("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"X\"}]}"));

      assertThat(okx.swapInstruments()).isSameAs(good);
      assertThat(stub.requests(INSTRUMENTS)).hasSize(4);

      // The next call tries again and takes a good answer.
      stub.script(INSTRUMENTS, OkxStub.Reply.ok(OkxStub.fixture("public-instruments-SWAP.json")));
      assertThat(okx.swapInstruments()).isNotSameAs(good);
      assertThat(stub.requests(INSTRUMENTS)).hasSize(5);
    }
  }
}
