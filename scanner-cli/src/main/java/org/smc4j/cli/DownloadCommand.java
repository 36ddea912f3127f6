package org.smc4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smc4j.app.download.DownloadJob;
import org.smc4j.app.download.DownloadRequest;
import org.smc4j.app.download.DownloadResult;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.okx.OkxSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j download}: closed OKX candles into one canonical CSV per symbol and timeframe
 * ({@code DIR/BTC-USDT-SWAP_5m.csv}), resumable, gaps reported; the work is {@link DownloadJob}'s.
 * Exit 0 when done, 1 when a symbol failed or the folder cannot be created, 2 for a usage error.
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
    Timeframe tf;
    try {
      tf = DownloadJob.timeframe(timeframe);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--timeframe: " + e.getMessage(), e);
    }
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
    List<String> instIds =
        symbols.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).distinct().toList();
    if (instIds.contains("")) {
      throw new ParameterException(spec.commandLine(), "--symbols has an empty entry");
    }
    OkxSettings settings;
    try {
      settings = OkxSettings.defaults().withBaseUrl(okxUrl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--okx-url: " + e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    DownloadPrinter printer = DownloadPrinter.onConsole(stdout, stderr, progressEvery);
    DownloadResult result;
    try {
      result =
          DownloadJob.run(new DownloadRequest(instIds, tf, start, end, out), settings, printer);
    } catch (IOException e) {
      stderr.println("error: cannot create " + out + ": " + e);
      return ExitCodes.FAILED;
    }
    stdout.flush();
    stderr.flush();
    return result.failed() ? ExitCodes.FAILED : ExitCodes.OK;
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
}
