package org.smc4j.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.smc4j.app.download.DownloadFailure;
import org.smc4j.app.download.DownloadListener;
import org.smc4j.app.download.SymbolDownload;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.okx.CandleGap;
import org.smc4j.marketdata.okx.CandlePage;

/**
 * Prints a running download: what each instrument did on stdout, and on stderr a progress line
 * (bars so far, share of the time range covered, an ETA), updated in place on every page on a
 * terminal, else printed every {@code progressEvery} pages.
 */
final class DownloadPrinter implements DownloadListener {

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final int progressEvery;
  private String instId = "";
  private Timeframe timeframe = Timeframe.M5;
  private long startMillis;
  private long endMillis;
  private long startedNanos;
  private long bars;
  private int pages;

  /**
   * Returns a printer whose progress line is updated in place when stderr is a terminal.
   *
   * @param out where each instrument's outcome goes
   * @param err where the progress and failures go
   * @param progressEvery off a terminal, print a progress line every this many pages
   */
  static DownloadPrinter onConsole(PrintWriter out, PrintWriter err, int progressEvery) {
    return new DownloadPrinter(out, err, isTerminal(), progressEvery);
  }

  DownloadPrinter(PrintWriter out, PrintWriter err, boolean terminal, int progressEvery) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.progressEvery = progressEvery;
  }

  @Override
  public void resuming(String instId, Timeframe tf, Path file, Instant lastOpenTime) {
    out.println(instId + " " + tf + ": " + file + " ends at " + lastOpenTime + ", resuming");
  }

  @Override
  public void upToDate(String instId, Timeframe tf, Path file) {
    out.println(instId + " " + tf + ": up to date (" + file + ")");
  }

  @Override
  public void started(String instId, Timeframe tf, Instant from, Instant to) {
    this.instId = instId;
    this.timeframe = tf;
    this.startMillis = from.toEpochMilli();
    this.endMillis = to.toEpochMilli();
    this.startedNanos = System.nanoTime();
    this.bars = 0;
    this.pages = 0;
  }

  @Override
  public void page(CandlePage page) {
    bars += page.bars().size();
    pages++;
    if (!terminal && pages % progressEvery != 0) {
      return;
    }
    double share =
        Math.min(
            1.0,
            (double) (page.coveredUntil().toEpochMilli() - startMillis)
                / (endMillis - startMillis));
    long elapsedNanos = System.nanoTime() - startedNanos;
    String eta =
        share <= 0 ? "?" : format(Duration.ofNanos((long) (elapsedNanos / share - elapsedNanos)));
    String line =
        String.format(
            Locale.ROOT,
            "%s %s: %d bars, %d pages, %.1f%% of %s..%s, ETA %s",
            instId,
            timeframe,
            bars,
            pages,
            share * 100,
            Instant.ofEpochMilli(startMillis),
            Instant.ofEpochMilli(endMillis),
            eta);
    if (terminal) {
      err.print("\r" + line + "   ");
    } else {
      err.println(line);
    }
    err.flush();
  }

  @Override
  public void finished(SymbolDownload d) {
    if (terminal) {
      err.println();
      err.flush();
    }
    out.println(
        d.instId()
            + " "
            + d.timeframe()
            + ": wrote "
            + d.bars()
            + " bars to "
            + d.file()
            + (d.gaps().isEmpty()
                ? ", no gaps"
                : ", " + d.gaps().size() + " gaps (" + d.missingBars() + " missing bars)"));
    for (CandleGap gap : d.gaps()) {
      out.println(
          "  gap: "
              + gap.missingBars()
              + (gap.missingBars() == 1 ? " bar" : " bars")
              + " missing between "
              + gap.previousOpenTime()
              + " and "
              + gap.nextOpenTime());
    }
  }

  @Override
  public void failed(DownloadFailure f) {
    err.println("error: " + f.instId() + " " + f.timeframe() + ": " + f.message());
  }

  /**
   * True when stderr is an interactive terminal. {@code Console.isTerminal()} (JDK 22+) is looked
   * up reflectively because the build targets Java 21, where a non-null console already means a
   * terminal.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
