package org.smc4j.exchange.okx.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OkxSignerTest {

  private static final OkxCredentials CREDENTIALS =
      OkxCredentials.of("key-1234", "22582BD0CFF14C41EDBF1AB98506286D", "pass-phrase");

  @Test
  void shouldMatchOpensslForAGetWithQueryString() {
    // Expected value computed once, independently, with:
    //   printf '%s' '2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC' \
    //     | openssl dgst -sha256 -hmac '22582BD0CFF14C41EDBF1AB98506286D' -binary | base64
    String sign =
        new OkxSigner(CREDENTIALS)
            .sign("2020-12-08T09:08:57.715Z", "get", "/api/v5/account/balance?ccy=BTC", "");

    assertThat(sign).isEqualTo("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=");
  }

  @Test
  void shouldMatchOpensslForAPostBody() {
    // Expected value computed once with openssl dgst -sha256 -hmac <secret> -binary | base64 over
    // the prehash '2024-06-09T23:10:00.123ZPOST/api/v5/trade/order' + the body below.
    String body =
        "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"posSide\":\"net\","
            + "\"ordType\":\"market\",\"sz\":\"0.13\",\"clOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZE1\","
            + "\"tag\":\"smc4j\"}";

    String sign =
        new OkxSigner(CREDENTIALS)
            .sign("2024-06-09T23:10:00.123Z", "POST", "/api/v5/trade/order", body);

    assertThat(sign).isEqualTo("iUbwUCWqr8YNkMv1mUlo0AvciKjlXmKQNJUfvHl6ICk=");
  }

  @Test
  void shouldBuildTheFourAccessHeaders() {
    Map<String, String> headers =
        new OkxSigner(CREDENTIALS)
            .headers("2020-12-08T09:08:57.715Z", "GET", "/api/v5/account/balance?ccy=BTC", "");

    assertThat(headers)
        .containsEntry("OK-ACCESS-KEY", "key-1234")
        .containsEntry("OK-ACCESS-SIGN", "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=")
        .containsEntry("OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.715Z")
        .containsEntry("OK-ACCESS-PASSPHRASE", "pass-phrase");
  }

  @Test
  void shouldFormatTimestampsWithMillisecondsEvenWhenZero() {
    assertThat(OkxTimestamp.format(Instant.parse("2020-12-08T09:08:57Z")))
        .isEqualTo("2020-12-08T09:08:57.000Z");
    assertThat(OkxTimestamp.format(Instant.parse("2020-12-08T09:08:57.715432Z")))
        .isEqualTo("2020-12-08T09:08:57.715Z");
  }

  @Test
  void shouldNeverShowSecretsInToString() {
    assertThat(CREDENTIALS.toString())
        .doesNotContain("key-1234")
        .doesNotContain("22582BD0CFF14C41EDBF1AB98506286D")
        .doesNotContain("pass-phrase")
        .contains("****");
    assertThat(new OkxSigner(CREDENTIALS).toString()).doesNotContain("22582BD0");
  }

  @Test
  void shouldNameMissingVariablesWithoutValues() {
    assertThatThrownBy(
            () -> OkxCredentials.fromVariables(Map.of(OkxCredentials.ENV_API_KEY, "key-1234")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OKX credentials: variable(s) missing or blank: OKX_API_SECRET, OKX_API_PASSPHRASE");
  }
}
