package org.smc4j.okx.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake server driven by raw HTTP requests signed in this test. */
class FakeOkxServerTest {

  private static final String KEY = "k1";
  private static final String SECRET = "s1";
  private static final String PASSPHRASE = "p1";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeOkxServer server;

  @BeforeEach
  void start() {
    Path fixtures =
        Path.of(System.getProperty("smc4j.shared.dir", "../shared")).resolve("okx-fixtures");
    assumeTrue(Files.isDirectory(fixtures), "okx-fixtures not found at " + fixtures);
    server =
        FakeOkxServer.start(fixtures, new FakeOkxServer.Account(KEY, SECRET, PASSPHRASE, true));
    server.exchange().setLastPrice("BTC-USDT-SWAP", new BigDecimal("69481.5"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(
      String method, String requestPath, String body, Instant signedAt, String secret)
      throws Exception {
    String timestamp = TIMESTAMP.format(signedAt);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String sign =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (timestamp + method + requestPath + body).getBytes(StandardCharsets.UTF_8)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + requestPath))
            .header("OK-ACCESS-KEY", KEY)
            .header("OK-ACCESS-SIGN", sign)
            .header("OK-ACCESS-TIMESTAMP", timestamp)
            .header("OK-ACCESS-PASSPHRASE", PASSPHRASE)
            .header("x-simulated-trading", "1");
    if (method.equals("POST")) {
      request
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json");
    } else {
      request.GET();
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(HttpResponse<String> response) throws IOException {
    return mapper.readTree(response.body());
  }

  @Test
  void shouldAcceptACorrectlySignedRequest() throws Exception {
    HttpResponse<String> response =
        send("GET", "/api/v5/account/balance?ccy=USDT", "", Instant.now(), SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("code").asText()).isEqualTo("0");
  }

  @Test
  void shouldRejectAWrongSignatureWith50113() throws Exception {
    HttpResponse<String> response =
        send("GET", "/api/v5/account/balance", "", Instant.now(), "other-secret");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).path("code").asText()).isEqualTo("50113");
  }

  @Test
  void shouldRejectASignatureOverAnotherQueryString() throws Exception {
    // Signed without the query string, sent with it: the path with query is part of the prehash.
    String timestamp = TIMESTAMP.format(Instant.now());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String sign =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (timestamp + "GET/api/v5/account/balance").getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/v5/account/balance?ccy=BTC"))
                .header("OK-ACCESS-KEY", KEY)
                .header("OK-ACCESS-SIGN", sign)
                .header("OK-ACCESS-TIMESTAMP", timestamp)
                .header("OK-ACCESS-PASSPHRASE", PASSPHRASE)
                .header("x-simulated-trading", "1")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(json(response).path("code").asText()).isEqualTo("50113");
  }

  @Test
  void shouldRejectATimestampMoreThanThirtySecondsOffWith50102() throws Exception {
    HttpResponse<String> response =
        send("GET", "/api/v5/account/balance", "", Instant.now().minusSeconds(31), SECRET);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"msg\":\"Timestamp request expired\",\"code\":\"50102\"}");
  }

  @Test
  void shouldServeTheServerTimeWithItsSkew() throws Exception {
    server.setClockSkew(Duration.ofSeconds(45));

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/v5/public/time")).build(),
            HttpResponse.BodyHandlers.ofString());

    long ts = json(response).path("data").get(0).path("ts").asLong();
    assertThat(ts - System.currentTimeMillis()).isBetween(44_000L, 46_000L);
  }

  @Test
  void shouldSpawnTheAttachedOcoOnlyWhenTheParentIsCompletelyFilled() throws Exception {
    String body =
        "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"post_only\","
            + "\"sz\":\"0.16\",\"px\":\"69350\",\"clOrdId\":\"sE27A3RCWZ2JS5YTPZK5TRFE1\",\"tag\":\"smc4j\","
            + "\"attachAlgoOrds\":[{\"attachAlgoClOrdId\":\"sE27A3RCWZ2JS5YTPZK5TRFA1\","
            + "\"slTriggerPx\":\"68810\",\"slOrdPx\":\"-1\",\"tpTriggerPx\":\"70430\",\"tpOrdPx\":\"-1\"}]}";
    assertThat(
            json(send("POST", "/api/v5/trade/order", body, Instant.now(), SECRET))
                .path("data")
                .get(0)
                .path("sCode")
                .asText())
        .isEqualTo("0");

    server
        .exchange()
        .fillOrder("sE27A3RCWZ2JS5YTPZK5TRFE1", new BigDecimal("0.08"), new BigDecimal("69350"));
    assertThat(server.exchange().algos()).isEmpty();
    server
        .exchange()
        .fillOrder("sE27A3RCWZ2JS5YTPZK5TRFE1", new BigDecimal("0.08"), new BigDecimal("69350"));

    assertThat(server.exchange().algos())
        .singleElement()
        .satisfies(
            algo -> {
              assertThat(algo.algoClOrdId()).isEqualTo("sE27A3RCWZ2JS5YTPZK5TRFA1");
              assertThat(algo.ordType()).isEqualTo("oco");
              assertThat(algo.side()).isEqualTo("sell");
              assertThat(algo.sz()).isEqualByComparingTo("0.16");
            });
    assertThat(server.exchange().positions())
        .singleElement()
        .satisfies(p -> assertThat(p.pos()).isEqualByComparingTo("0.16"));
  }

  @Test
  void shouldLeaveAttachedAlgosLiveWhenThePositionIsClosedAnotherWay() throws Exception {
    String body =
        "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"market\","
            + "\"sz\":\"0.13\",\"clOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZE1\",\"tag\":\"smc4j\","
            + "\"attachAlgoOrds\":[{\"attachAlgoClOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZA1\","
            + "\"slTriggerPx\":\"68790\",\"slOrdPx\":\"-1\",\"tpTriggerPx\":\"70860\",\"tpOrdPx\":\"-1\"}]}";
    send("POST", "/api/v5/trade/order", body, Instant.now(), SECRET);

    server.exchange().closePositionExternally("BTC-USDT-SWAP", new BigDecimal("69900"));

    assertThat(server.exchange().positions()).isEmpty();
    assertThat(server.exchange().algos())
        .singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo("live"));
    assertThat(server.exchange().fills()).hasSize(2);
    // (69900 - 69481.5) * 0.13 * 0.01
    assertThat(server.exchange().fills().get(1).fillPnl()).isEqualByComparingTo("0.54405");
  }

  @Test
  void shouldTriggerAnAlgoIntoAFilledCloseOrder() throws Exception {
    server.exchange().putPosition("BTC-USDT-SWAP", new BigDecimal("0.08"), new BigDecimal("69350"));
    String body =
        "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"sell\",\"ordType\":\"oco\","
            + "\"sz\":\"0.08\",\"reduceOnly\":true,\"cxlOnClosePos\":true,"
            + "\"algoClOrdId\":\"sE27A3RCWZ2JS5YTPZK5TRFP1\",\"tag\":\"smc4j\","
            + "\"slTriggerPx\":\"68810\",\"slOrdPx\":\"-1\",\"tpTriggerPx\":\"70430\",\"tpOrdPx\":\"-1\"}";
    send("POST", "/api/v5/trade/order-algo", body, Instant.now(), SECRET);

    server.exchange().triggerAlgo("sE27A3RCWZ2JS5YTPZK5TRFP1", true, new BigDecimal("68800"));

    assertThat(server.exchange().algos())
        .singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo("effective"));
    assertThat(server.exchange().positions()).isEmpty();
    assertThat(server.exchange().orders())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.clOrdId()).isEmpty();
              assertThat(o.state()).isEqualTo("filled");
            });
  }

  @Test
  void shouldConsumeOneFaultPerMatchingRequest() throws Exception {
    server.faults().add("GET", "/api/v5/account/balance", Fault.rateLimited());

    HttpResponse<String> first = send("GET", "/api/v5/account/balance", "", Instant.now(), SECRET);
    HttpResponse<String> second = send("GET", "/api/v5/account/balance", "", Instant.now(), SECRET);

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(json(first).path("code").asText()).isEqualTo("50011");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(server.faults().pending()).isZero();
  }

  @Test
  void shouldDropTheConnectionWithoutExecuting() {
    server.faults().add("POST", "/api/v5/trade/order", new Fault.DropBeforeExecute());
    String body =
        "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"market\","
            + "\"sz\":\"0.13\",\"clOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZE1\",\"tag\":\"smc4j\"}";

    assertThatThrownBy(() -> send("POST", "/api/v5/trade/order", body, Instant.now(), SECRET))
        .isInstanceOf(IOException.class);
    assertThat(server.exchange().orders()).isEmpty();
  }
}
