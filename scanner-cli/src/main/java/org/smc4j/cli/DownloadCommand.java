package org.smc4j.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CanonicalCandleCsvWriter;
import org.smc4j.marketdata.okx.CandleGap;
import org.smc4j.marketdata.okx.CandlePage;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j download}: fetches closed OKX candles ({@code /api/v5/market/history-candles}, 100
 * per request, forward in time, within OKX's 20 requests / 2 s) into one canonical CSV per symbol
 * and timeframe ({@code DIR/BTC-USDT-SWAP_5m.csv}).
 *
 * <p>Each page is checked (ascending, no duplicates, on the grid, sane OHLCV) and flushed before
 * the next is fetched, so an interrupted run leaves a valid file; running the same command again
 * continues after the file's last row. Gaps are reported at the end, never filled. A symbol that
 * fails does not stop the others; the exit code is then 1.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = {
      "Download closed OKX candles into canonical CSV files (one per symbol and timeframe).",
      "Resumes an existing file after its last row; reports gaps at the end."
    })
public final class DownloadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--symbols",
      required = true,
      split = ",",
      paramLabel = "INST_ID",
      description = "OKX instruments, comma-separated, e.g. BTC-USDT-SWAP,ETH-USDT-SWAP")
  List<String> symbols;

  @Option(
      names = "--timeframe",
      required = true,
      paramLabel = "TF",
      description = "Candle period: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h, 1d")
  String timeframe;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "First open time: a UTC date (2025-01-01) or an instant (2025-01-01T00:05:00Z)")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "End of open times, exclusive (date or instant); default: now")
  String to;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder")
  Path out;

  @Option(
      names = "--okx-url",
      paramLabel = "URL",
      description = "OKX REST base URL (default: ${DEFAULT-VALUE})",
      defaultValue = "https://www.okx.com")
  URI okxUrl;

  @Option(
      names = "--progress-every",
      paramLabel = "PAGES",
      defaultValue = "50",
      description =
          "When stderr is not a terminal, print a progress line every this many pages"
              + " (default: ${DEFAULT-VALUE}); on a terminal the line is updated on every page")
  int progressEvery;

  @Override
  public Integer call() {
    Timeframe tf = parseTimeframe();
    Instant start = parseTime("--from", from);
    Instant end = to == null ? Instant.now() : parseTime("--to", to);
    if (!start.isBefore(end)) {
      throw new ParameterException(
          spec.commandLine(), "--from " + start + " must be before --to " + end);
    }
    if (progressEvery < 1) {
      throw new ParameterException(
          spec.commandLine(), "--progress-every must be >= 1, was " + progressEvery);
    }
    LinkedHashSet<String> instIds = new LinkedHashSet<>();
    for (String s : symbols) {
      String id = s.strip().toUpperCase(Locale.ROOT);
      if (id.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--symbols has an empty entry");
      }
      instIds.add(id);
    }
    OkxSettings settings;
    try {
      settings = OkxSettings.defaults().withBaseUrl(okxUrl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--okx-url: " + e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      stderr.println("error: cannot create " + out + ": " + e);
      return ExitCodes.FAILED;
    }
    boolean terminal = isTerminal();
    int failures = 0;
    try (OkxMarketData okx = OkxMarketData.create(settings)) {
      for (String instId : instIds) {
        try {
          download(okx, instId, tf, start, end, terminal, stdout, stderr);
        } catch (MarketDataException e) {
          failures++;
          stderr.println("error: " + instId + " " + tf + ": " + e.getMessage());
        }
      }
    }
    stdout.flush();
    stderr.flush();
    return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private void download(
      OkxMarketData okx,
      String instId,
      Timeframe tf,
      Instant start,
      Instant end,
      boolean terminal,
      PrintWriter stdout,
      PrintWriter stderr) {
    Path file = out.resolve(instId + "_" + tf.label() + ".csv");
    List<CandleGap> gaps = new ArrayList<>();
    try (CanonicalCandleCsvWriter writer = CanonicalCandleCsvWriter.append(file)) {
      Optional<Instant> last = writer.lastOpenTime();
      Instant resumeFrom = last.map(t -> t.plus(tf.duration())).orElse(start);
      if (last.isPresent()) {
        stdout.println(instId + " " + tf + ": " + file + " ends at " + last.get() + ", resuming");
      }
      if (!resumeFrom.isBefore(end)) {
        stdout.println(instId + " " + tf + ": up to date (" + file + ")");
        return;
      }
      Progress progress = new Progress(instId, tf, resumeFrom, end, terminal, stderr);
      okx.forEachClosedPage(
          instId,
          tf,
          resumeFrom,
          end,
          last.map(t -> OptionalLong.of(t.toEpochMilli())).orElse(OptionalLong.empty()),
          (CandlePage page) -> {
            writer.writeAll(page.bars());
            writer.flush();
            gaps.addAll(page.gaps());
            progress.page(page);
            return true;
          });
      progress.done();
      long missing = gaps.stream().mapToLong(CandleGap::missingBars).sum();
      stdout.println(
          instId
              + " "
              + tf
              + ": wrote "
              + progress.bars
              + " bars to "
              + file
              + (gaps.isEmpty()
                  ? ", no gaps"
                  : ", " + gaps.size() + " gaps (" + missing + " missing bars)"));
      for (CandleGap gap : gaps) {
        stdout.println(
            "  gap: "
                + gap.missingBars()
                + (gap.missingBars() == 1 ? " bar" : " bars")
                + " missing between "
                + gap.previousOpenTime()
                + " and "
                + gap.nextOpenTime());
      }
    } catch (IllegalArgumentException e) {
      throw new MarketDataException(file + ": " + e.getMessage(), e);
    }
  }

  private Timeframe parseTimeframe() {
    try {
      Timeframe tf = Timeframe.parse(timeframe);
      OkxMarketData.okxBar(tf);
      return tf;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--timeframe: " + e.getMessage(), e);
    }
  }

  private Instant parseTime(String option, String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          option
              + " must be a UTC date like 2025-01-01 or an instant like 2025-01-01T00:05:00Z,"
              + " was '"
              + text
              + "'",
          e);
    }
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

  /** The progress line: bars so far, share of the time range covered, and an ETA. */
  private final class Progress {
    private final String instId;
    private final Timeframe tf;
    private final long startMillis;
    private final long endMillis;
    private final boolean terminal;
    private final PrintWriter err;
    private final long startedNanos = System.nanoTime();
    private long bars;
    private int pages;

    Progress(
        String instId,
        Timeframe tf,
        Instant start,
        Instant end,
        boolean terminal,
        PrintWriter err) {
      this.instId = instId;
      this.tf = tf;
      this.startMillis = start.toEpochMilli();
      this.endMillis = end.toEpochMilli();
      this.terminal = terminal;
      this.err = err;
    }

    void page(CandlePage page) {
      bars += page.bars().size();
      pages++;
      if (terminal || pages % progressEvery == 0) {
        double share =
            Math.min(
                1.0,
                (double) (page.coveredUntil().toEpochMilli() - startMillis)
                    / (endMillis - startMillis));
        long elapsedNanos = System.nanoTime() - startedNanos;
        String eta =
            share <= 0
                ? "?"
                : format(Duration.ofNanos((long) (elapsedNanos / share - elapsedNanos)));
        String line =
            String.format(
                Locale.ROOT,
                "%s %s: %d bars, %d pages, %.1f%% of %s..%s, ETA %s",
                instId,
                tf,
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
    }

    void done() {
      if (terminal) {
        err.println();
        err.flush();
      }
    }

    private static String format(Duration d) {
      long s = Math.max(0, d.toSeconds());
      return s >= 3600
          ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
          : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
  }
}
