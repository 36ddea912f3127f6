package org.smc4j.live.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleReportTest {

  private static final Instant CLOSE = Instant.parse("2025-03-04T10:05:00Z");

  @Test
  void shouldNameOnlyCountsWhenNothingWasLateOrFailed() {
    assertThat(new CycleReport(CLOSE, 30, 2, List.of(), List.of()).line())
        .isEqualTo("cycle 2025-03-04T10:05:00Z: 30 symbols, 2 new signals");
  }

  @Test
  void shouldListTheLateAndTheFailedSymbols() {
    assertThat(
            new CycleReport(CLOSE, 3, 0, List.of("ETH-USDT-SWAP"), List.of("SOL: timeout")).line())
        .isEqualTo(
            "cycle 2025-03-04T10:05:00Z: 3 symbols, 0 new signals, late: [ETH-USDT-SWAP],"
                + " failures: [SOL: timeout]");
  }
}
