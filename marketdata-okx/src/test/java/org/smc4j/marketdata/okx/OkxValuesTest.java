package org.smc4j.marketdata.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The validation rules of the OKX adapter's values and settings. */
class OkxValuesTest {

  private static final Instant A = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void shouldDefaultToTheProductionHostAndTheSharedLimiter() {
    OkxSettings defaults = OkxSettings.defaults();

    assertThat(defaults.baseUrl()).isEqualTo(URI.create("https://www.okx.com"));
    assertThat(defaults.rateLimiter()).isSameAs(OkxRateLimiter.shared());
    assertThat(defaults.maxAttempts()).isEqualTo(5);
  }

  @Test
  void shouldRejectABaseUrlWithAPathOrAnotherScheme() {
    assertThatThrownBy(() -> OkxSettings.defaults().withBaseUrl(URI.create("ftp://x.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "baseUrl must be an http(s) URL with a host and no path or query, was ftp://x.example");
    assertThatThrownBy(
            () -> OkxSettings.defaults().withBaseUrl(URI.create("http://127.0.0.1:1/api/v5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no path or query, was http://127.0.0.1:1/api/v5");
    assertThat(OkxSettings.defaults().withBaseUrl(URI.create("http://127.0.0.1:8080/")).baseUrl())
        .hasPort(8080);
  }

  @Test
  void shouldRejectBadTimeoutsAttemptsAndBackoffs() {
    OkxSettings s = OkxSettings.defaults();
    assertThatThrownBy(() -> s.withRequestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> s.withRetries(0, Duration.ZERO, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> s.withRetries(1, Duration.ofMillis(-1), Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialBackoff must be >= 0, was PT-0.001S");
    assertThatThrownBy(() -> s.withRetries(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBackoff must be >= initialBackoff PT2S, was PT1S");
    assertThatThrownBy(() -> s.withInstrumentTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instrumentTtl must be >= 0, was PT-1S");
  }

  @Test
  void shouldRejectAGapThatDoesNotMoveForwardOrMissesNothing() {
    assertThatThrownBy(() -> new CandleGap(A, A, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "nextOpenTime must be after previousOpenTime 2025-01-01T00:00:00Z, was"
                + " 2025-01-01T00:00:00Z");
    assertThatThrownBy(() -> new CandleGap(A, A.plusSeconds(600), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missingBars must be >= 1, was 0");
  }

  @Test
  void shouldRejectSwapVolumesThatAreNotFiniteOrNegative() {
    assertThatThrownBy(() -> new SwapVolume("X-USDT-SWAP", 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X-USDT-SWAP: last must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> new SwapVolume("X-USDT-SWAP", 1, Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X-USDT-SWAP: baseVolume24h must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> new SwapVolume("X-USDT-SWAP", 1, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X-USDT-SWAP: quoteVolume24h must be finite and >= 0, was -1.0");
  }
}
