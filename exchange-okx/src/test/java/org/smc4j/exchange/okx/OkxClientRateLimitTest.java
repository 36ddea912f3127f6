package org.smc4j.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.okx.fake.FakeOkxServer;

/** The client waits for its client-side buckets before a request leaves. */
class OkxClientRateLimitTest {

  /** Simulated time for the limiter only: it moves when the limiter sleeps. */
  private static final class LimiterTime implements InstantSource, Sleeper {
    private long millis = 5_000_000;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      millis += duration.toMillis();
    }
  }

  @Test
  void shouldPacePositionsRequestsAtHalfOfOkxsLimit() {
    LimiterTime time = new LimiterTime();
    try (FakeOkxServer server =
        FakeOkxServer.start(
            FakeOkx.fixtures(),
            new FakeOkxServer.Account(FakeOkx.KEY, FakeOkx.SECRET, FakeOkx.PASSPHRASE, true))) {
      OkxClient client =
          OkxClient.create(
              new OkxClientConfig(
                  server.baseUri(),
                  OkxEnvironment.DEMO,
                  Optional.of(OkxCredentials.of(FakeOkx.KEY, FakeOkx.SECRET, FakeOkx.PASSPHRASE)),
                  Duration.ofSeconds(2),
                  OkxClientConfig.DEFAULT_EXP_TIME_WINDOW),
              HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
              InstantSource.system(),
              OkxRateLimiter.halfOfPublished(time, time));

      for (int i = 0; i < 7; i++) {
        assertThat(client.positions("SWAP", "").isOk()).isTrue();
      }

      // positions: 10 per 2 s published, so 5 at once, then one per 400 ms.
      assertThat(time.sleeps).containsExactly(Duration.ofMillis(400), Duration.ofMillis(400));
      assertThat(server.requests("GET", "/api/v5/account/positions")).hasSize(7);
    }
  }
}
