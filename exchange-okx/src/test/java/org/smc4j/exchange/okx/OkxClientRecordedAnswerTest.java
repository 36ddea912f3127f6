package org.smc4j.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;

/**
 * Place-order answers recorded or constructed in okx-fixtures, replayed byte for byte with their
 * HTTP status: the client decides on the codes whatever the message text says.
 */
class OkxClientRecordedAnswerTest {

  @ParameterizedTest(name = "{0} (HTTP {1}) -> {2}")
  @CsvSource({
    "trade-order-POST-SWAP-captured.json, 200, OK, ''",
    "trade-order-POST.json, 200, OK, ''",
    "trade-order-POST-rejected-54109.json, 200, DEFINITE_REJECT, 54109",
    "trade-order-POST-error-51008-constructed.json, 200, DEFINITE_REJECT, 51008",
    "trade-order-POST-error-51016-constructed.json, 200, ADOPT_EXISTING, 51016",
    "trade-order-POST-error-50013-constructed.json, 200, AMBIGUOUS, 50013",
    "error-50011-rate-limit-http429.json, 429, RATE_LIMITED, 50011",
    "error-50101-env-mismatch-http401.json, 401, FATAL, 50101",
    "trade-order-GET-error-51603-constructed.json, 200, NOT_FOUND, 51603"
  })
  void shouldClassifyRecordedPlaceOrderAnswersByCode(
      String file, int status, OkxErrorClass expected, String code) throws IOException {
    Path body =
        Path.of(System.getProperty("smc4j.shared.dir", "../shared"))
            .resolve("okx-fixtures")
            .resolve(file);
    assumeTrue(Files.isRegularFile(body), "fixture not found: " + body.toAbsolutePath());
    byte[] bytes = Files.readAllBytes(body);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange;
              OutputStream out = exchange.getResponseBody()) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    server.start();
    try {
      OkxClient client =
          OkxClient.create(
              new OkxClientConfig(
                  URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                  OkxEnvironment.DEMO,
                  Optional.of(OkxCredentials.of("k", "s", "p")),
                  Duration.ofSeconds(2),
                  OkxClientConfig.DEFAULT_EXP_TIME_WINDOW),
              HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
              InstantSource.system(),
              OkxRateLimiter.of(InstantSource.system(), Sleeper.SYSTEM, 1.0));

      OkxResult<?> result =
          client.placeOrder(
              PlaceOrderRequest.marketEntry(
                  FakeOkx.BTC,
                  MarginMode.CROSS,
                  Side.LONG,
                  new BigDecimal("0.13"),
                  new ClientOrderId("sTRSCSIGOKEF3WXIRCUTQVZE1"),
                  new BigDecimal("68790"),
                  new BigDecimal("70860")));

      assertThat(result.errorClass()).isEqualTo(expected);
      if (expected != OkxErrorClass.OK) {
        assertThat(result.failure().orElseThrow().code()).isEqualTo(code);
        assertThat(result.failure().orElseThrow().httpStatus()).isEqualTo(OptionalInt.of(status));
      }
    } finally {
      server.stop(0);
    }
  }
}
