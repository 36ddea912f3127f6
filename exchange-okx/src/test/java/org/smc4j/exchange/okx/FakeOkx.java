package org.smc4j.exchange.okx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.okx.fake.FakeOkxServer;

/** A fake OKX server plus a client pointed at it, for one test. */
final class FakeOkx implements AutoCloseable {

  static final String KEY = "fake-key-7f3a";
  static final String SECRET = "fake-secret-9b1c";
  static final String PASSPHRASE = "fake-pass-4d2e";

  /** BTC-USDT-SWAP as in okx-fixtures/public-instruments-SWAP.json. */
  static final OkxInstrument BTC =
      new OkxInstrument(
          "BTC-USDT-SWAP",
          "SWAP",
          "linear",
          new BigDecimal("0.01"),
          BigDecimal.ONE,
          "BTC",
          "USDT",
          new BigDecimal("0.1"),
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("100000000"),
          new BigDecimal("12000"),
          "live");

  final FakeOkxServer server;
  final OkxClient client;

  private FakeOkx(FakeOkxServer server, OkxClient client) {
    this.server = server;
    this.client = client;
  }

  static Path fixtures() {
    Path dir = Path.of(System.getProperty("smc4j.shared.dir", "../shared")).resolve("okx-fixtures");
    assumeTrue(Files.isDirectory(dir), "okx-fixtures not found at " + dir.toAbsolutePath());
    return dir;
  }

  /** A demo server and a demo client with the right key. */
  static FakeOkx demo() {
    return start(true, OkxEnvironment.DEMO, SECRET, Duration.ofSeconds(2));
  }

  static FakeOkx start(
      boolean serverDemo, OkxEnvironment clientEnvironment, String clientSecret, Duration timeout) {
    FakeOkxServer server =
        FakeOkxServer.start(
            fixtures(), new FakeOkxServer.Account(KEY, SECRET, PASSPHRASE, serverDemo));
    OkxClientConfig config =
        new OkxClientConfig(
            server.baseUri(),
            clientEnvironment,
            Optional.of(OkxCredentials.of(KEY, clientSecret, PASSPHRASE)),
            timeout,
            OkxClientConfig.DEFAULT_EXP_TIME_WINDOW);
    OkxClient client =
        OkxClient.create(
            config,
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            InstantSource.system(),
            OkxRateLimiter.of(InstantSource.system(), Sleeper.SYSTEM, 1.0));
    return new FakeOkx(server, client);
  }

  @Override
  public void close() {
    server.close();
  }
}
