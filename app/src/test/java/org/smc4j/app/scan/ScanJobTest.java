package org.smc4j.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.DataFolder;
import org.smc4j.app.config.Smc4jConfig;

class ScanJobTest {

  @TempDir Path dir;

  private Smc4jConfig closedPortConfig() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Smc4jConfig c =
        ConfigLoader.parse(
            "okx: {max-attempts: 1, request-timeout: 1s}\nlogging: {file: logs/s.log}\n", "t");
    c = c.withOkx(c.okx().withBaseUrl(URI.create("http://127.0.0.1:" + closed)));
    c = c.withOutput(c.output().withDataDir(dir));
    return DataFolder.current(c.output()).apply(c);
  }

  @Test
  void shouldKeepTryingAnUnreachableOkxWithOneStatusLinePerAttemptUntilStopped() throws Exception {
    List<Duration> sleeps = new ArrayList<>();
    ScanJob job = new ScanJob(sleeps::add, Duration.ofSeconds(30));
    StringWriter text = new StringWriter();

    ScanOutcome outcome =
        job.run(
            new ScanRequest(
                closedPortConfig(), false, Clock.systemUTC(), List.of(), Optional.empty()),
            new PrintWriter(text, true),
            () -> sleeps.size() >= 3);

    assertThat(outcome.status()).isEqualTo(ScanOutcome.Status.OK);
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
    List<String> lines = text.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith("OKX unreachable at 127.0.0.1: ")
                    .contains("retrying in 30 s")
                    .contains("--okx-url")
                    .contains("--replay"));
    // the journal is opened only once OKX answers
    assertThat(dir.resolve("smc4j-scan.db")).doesNotExist();
  }

  @Test
  void shouldReturnUnreachableWithHostErrorAndHintForOneCycle() throws Exception {
    List<Duration> sleeps = new ArrayList<>();
    ScanJob job = new ScanJob(sleeps::add, Duration.ofSeconds(30));
    Smc4jConfig config = closedPortConfig();

    ScanOutcome outcome =
        job.run(
            new ScanRequest(config, true, Clock.systemUTC(), List.of(), Optional.empty()),
            new PrintWriter(new StringWriter(), true),
            () -> false);

    assertThat(outcome.status()).isEqualTo(ScanOutcome.Status.UNREACHABLE);
    assertThat(outcome.message())
        .startsWith("OKX unreachable at " + config.okx().baseUrl() + " (GET /api/v5/public/")
        .contains("--okx-url")
        .contains("--replay");
    assertThat(sleeps).isEmpty();
  }
}
