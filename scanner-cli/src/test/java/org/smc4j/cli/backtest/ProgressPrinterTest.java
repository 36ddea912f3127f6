package org.smc4j.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  private long now;
  private final StringWriter text = new StringWriter();

  private ProgressPrinter printer(boolean terminal) {
    return new ProgressPrinter(new PrintWriter(text), terminal, () -> now);
  }

  @Test
  void shouldPrintAPlainLineEveryTenSecondsWhenNotATerminal() {
    ProgressPrinter p = printer(false);
    now = 5_000_000_000L;
    p.onProgress(100, 1000);
    assertThat(text.toString()).isEmpty();
    // 10 s in: 250 of 500 candles, 25 candles/s, 10 s left
    now = 10_000_000_000L;
    p.onProgress(500, 1000);
    assertThat(text.toString())
        .isEqualTo("progress:  50% 250/500 candles  25 candles/s  ETA 0:10  (0:10 elapsed)\n");
    now = 15_000_000_000L;
    p.onProgress(800, 1000);
    assertThat(text.toString().lines()).hasSize(1);
    now = 20_000_000_000L;
    p.finish(1000);
    assertThat(text.toString().lines().toList())
        .last()
        .isEqualTo("progress: 100% 500/500 candles  25 candles/s  done  (0:20 elapsed)");
  }

  @Test
  void shouldRedrawOneBarInPlaceOnATerminal() {
    ProgressPrinter p = printer(true);
    now = 300_000_000L;
    p.onProgress(300, 1200);
    now = 400_000_000L;
    p.onProgress(400, 1200);
    now = 600_000_000L;
    p.onProgress(600, 1200);
    p.finish(1200);
    String out = text.toString();
    // redrawn with a carriage return; the throttle skipped the update 100 ms after the first
    assertThat(out.split("\r", -1)).hasSize(4);
    assertThat(out).contains("\r[########......................]  25% 150/600 candles");
    assertThat(out).contains("\r[###############...............]  50% 300/600 candles");
    assertThat(out).endsWith("done  (0:01 elapsed)  " + System.lineSeparator());
  }

  @Test
  void shouldFormatLongDurationsWithHours() {
    assertThat(ProgressPrinter.clock(59.4)).isEqualTo("0:59");
    assertThat(ProgressPrinter.clock(3725)).isEqualTo("1:02:05");
  }
}
