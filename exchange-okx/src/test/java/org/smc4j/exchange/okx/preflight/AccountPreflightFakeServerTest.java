package org.smc4j.exchange.okx.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.okx.fake.FakeOkxServer;

/** The pre-flight run against the fake OKX server. */
class AccountPreflightFakeServerTest {

  private static Path fixtures() {
    Path dir = Path.of(System.getProperty("smc4j.shared.dir", "../shared")).resolve("okx-fixtures");
    assumeTrue(Files.isDirectory(dir), "okx-fixtures not found at " + dir.toAbsolutePath());
    return dir;
  }

  private static OkxClient client(FakeOkxServer server, OkxEnvironment environment) {
    return OkxClient.create(
        new OkxClientConfig(
            server.baseUri(),
            environment,
            Optional.of(OkxCredentials.of("k", "s", "p")),
            Duration.ofSeconds(2),
            OkxClientConfig.DEFAULT_EXP_TIME_WINDOW),
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        InstantSource.system(),
        OkxRateLimiter.of(InstantSource.system(), Sleeper.SYSTEM, 1.0));
  }

  private static PreflightSettings settings(FakeOkxServer server, OkxEnvironment environment) {
    return PreflightSettings.of(
        environment, server.baseUri(), PositionMode.NET, MarginMode.CROSS, Optional.empty());
  }

  @Test
  void shouldPassANetModeDemoAccount() {
    try (FakeOkxServer server =
        FakeOkxServer.start(fixtures(), new FakeOkxServer.Account("k", "s", "p", true))) {
      server.exchange().setAccount("net_mode", "2", "read_only,trade");

      PreflightReport report =
          AccountPreflight.run(
              client(server, OkxEnvironment.DEMO), settings(server, OkxEnvironment.DEMO));

      assertThat(report.problems()).isEmpty();
    }
  }

  @Test
  void shouldRefuseLongShortModeAndAServerClockFortyFiveSecondsAhead() {
    try (FakeOkxServer server =
        FakeOkxServer.start(fixtures(), new FakeOkxServer.Account("k", "s", "p", true))) {
      server.exchange().setAccount("long_short_mode", "2", "read_only,trade");
      server.setClockSkew(Duration.ofSeconds(45));

      PreflightReport report =
          AccountPreflight.run(
              client(server, OkxEnvironment.DEMO), settings(server, OkxEnvironment.DEMO));

      assertThat(report.refusals())
          .extracting(PreflightProblem::kind)
          .containsExactly(ProblemKind.CLOCK_OFFSET, ProblemKind.POSITION_MODE);
    }
  }

  @Test
  void shouldRefuseADemoKeyUsedLiveAndMakeNoFurtherCalls() {
    try (FakeOkxServer server =
        FakeOkxServer.start(fixtures(), new FakeOkxServer.Account("k", "s", "p", true))) {

      PreflightReport report =
          AccountPreflight.run(
              client(server, OkxEnvironment.LIVE), settings(server, OkxEnvironment.LIVE));

      assertThat(report.refusals())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.kind()).isEqualTo(ProblemKind.UNAUTHORIZED);
                assertThat(p.message()).contains("50101").contains(server.baseUri().toString());
              });
      assertThat(server.requests("GET", "/api/v5/account/balance")).isEmpty();
    }
  }
}
