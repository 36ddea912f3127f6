package org.smc4j.cli.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.smc4j.sweep.SweepProgress;

/**
 * Prints a sweep's progress on one line: a bar, the backtests done, the rate and the time left. On
 * a terminal the line is redrawn; otherwise a line is printed at most every 10 %.
 */
final class ProgressBar implements SweepProgress.Listener {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private int lastTenth = -1;

  ProgressBar(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void onProgress(SweepProgress p) {
    double share = p.combosTotal() == 0 ? 1 : (double) p.combosDone() / p.combosTotal();
    int tenth = (int) (share * 10);
    if (!terminal && tenth == lastTenth && p.combosDone() < p.combosTotal()) {
      return;
    }
    lastTenth = tenth;
    int filled = (int) Math.round(share * WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3.0f%% %,d/%,d backtests, %.1f/s, ETA %s",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            share * 100,
            p.combosDone(),
            p.combosTotal(),
            p.combosPerSecond(),
            p.eta().map(ProgressBar::clock).orElse("-"));
    if (terminal) {
      out.print("\r" + line);
      if (p.combosDone() >= p.combosTotal()) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
