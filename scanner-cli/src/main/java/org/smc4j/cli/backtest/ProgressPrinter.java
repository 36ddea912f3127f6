package org.smc4j.cli.backtest;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.smc4j.backtest.replay.ProgressListener;

/**
 * Shows how far a backtest has got, in candles (the engine counts each candle twice: once in the
 * strategy phase, once in the broker phase). On a terminal: one bar redrawn in place at most 5
 * times a second, with candles per second and the time left; otherwise a plain line every 10
 * seconds. Thread-safe: the strategy phase reports from several threads.
 */
final class ProgressPrinter implements ProgressListener {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final long startNanos;
  private long lastPrintNanos;
  private boolean printed;

  /**
   * Creates a printer.
   *
   * @param out where to print (standard error)
   * @param terminal true to redraw a bar in place, false for periodic lines
   * @param nanoClock a monotonic clock in nanoseconds
   */
  ProgressPrinter(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.intervalNanos = terminal ? 200_000_000L : 10_000_000_000L;
    this.startNanos = nanoClock.getAsLong();
    this.lastPrintNanos = startNanos;
  }

  @Override
  public synchronized void onProgress(long done, long total) {
    long now = nanoClock.getAsLong();
    if (now - lastPrintNanos < intervalNanos || done >= total) {
      return;
    }
    lastPrintNanos = now;
    print(done, total, now);
  }

  /** Prints the final state and ends the bar's line. */
  synchronized void finish(long total) {
    print(total, total, nanoClock.getAsLong());
    if (terminal) {
      out.println();
    }
    out.flush();
  }

  private void print(long done, long total, long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
    double barsPerSecond = done / 2.0 / seconds;
    String eta =
        fraction >= 1
            ? "done"
            : "ETA " + clock(seconds * (1 - fraction) / Math.max(fraction, 1e-9));
    String text =
        String.format(
            Locale.ROOT,
            "%3.0f%% %,d/%,d candles  %,.0f candles/s  %s  (%s elapsed)",
            fraction * 100,
            done / 2,
            total / 2,
            barsPerSecond,
            eta,
            clock(seconds));
    if (terminal) {
      int filled = (int) Math.round(fraction * WIDTH);
      out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text + "  ");
    } else {
      out.println("progress: " + text);
    }
    printed = true;
    out.flush();
  }

  /** Returns whether anything was printed. */
  synchronized boolean printed() {
    return printed;
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
