package org.smc4j.benchmarks.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smc4j.benchmarks.trade.SignalLatencyBenchmark.Report;
import org.smc4j.core.testing.SharedData;

/**
 * Runs the signal-to-request harness with a handful of signals, so that it cannot rot: every signal
 * is taken, sent, arrives at the fake and is cancelled (the harness throws otherwise), and the
 * phases are in order. No timing is asserted.
 */
class SignalLatencyBenchmarkTest {

  @Test
  void shouldTimeEverySignalUpToTheRequestArrivingAtTheFake()
      throws IOException, InterruptedException {
    SharedData.requireData("binance-usdm/BTCUSDT/5m");
    System.setProperty("smc4j.shared.dir", SharedData.sharedDir().toString());
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    Report report =
        SignalLatencyBenchmark.run(
            2,
            5,
            Duration.ofMillis(5),
            Optional.empty(),
            new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(report.toSend()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(report.toBroker()[i]).isPositive();
      assertThat(report.toSend()[i]).isGreaterThan(report.toBroker()[i]);
      assertThat(report.decided()[i]).isGreaterThan(report.toSend()[i]);
      assertThat(report.toArrival()[i]).isPositive();
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("to the place-order request handed to the HTTP client");
  }

  @Test
  void shouldTakeTheNearestRankPercentile() {
    long[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
    assertThat(SignalLatencyBenchmark.percentile(values, 50)).isEqualTo(5);
    assertThat(SignalLatencyBenchmark.percentile(values, 99)).isEqualTo(10);
    assertThat(SignalLatencyBenchmark.percentile(values, 10)).isEqualTo(1);
  }
}
