package org.smc4j.benchmarks.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.benchmarks.trade.CloseCycleBenchmark.Run;
import org.smc4j.core.testing.SharedData;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Runs the 50-symbol close once, with the fake answering at once, so that the harness cannot rot:
 * the warm-up cycle is quiet, the measured close makes exactly 5 signals and every one is entered
 * and protected on the fake (the harness throws otherwise). No timing is asserted.
 */
class CloseCycleBenchmarkTest {

  @Test
  void shouldEnterAndProtectTheFiveSignalsOfTheMeasuredClose()
      throws IOException, InterruptedException {
    SharedData.requireData("bybit-linear/ETHUSDT/5m");
    System.setProperty("smc4j.shared.dir", SharedData.sharedDir().toString());
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    List<Run> runs =
        CloseCycleBenchmark.run(
            1, Duration.ZERO, new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(runs).hasSize(1);
    Run run = runs.get(0);
    assertThat(run.statuses()).hasSize(5).containsOnly(TradeStatus.OPEN_PROTECTED);
    for (int i = 0; i < 5; i++) {
      assertThat(run.acknowledged()[i]).isPositive().isLessThanOrEqualTo(run.protectedAt()[i]);
      assertThat(run.requests()[i]).isGreaterThanOrEqualTo(2);
    }
    assertThat(run.cycleDone()).isGreaterThanOrEqualTo(run.lastProtected());
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("run 1: cycle done +");
  }
}
