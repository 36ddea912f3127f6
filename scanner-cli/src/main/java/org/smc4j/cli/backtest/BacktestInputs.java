package org.smc4j.cli.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationReport;

/**
 * Finds and reads the candle files of a backtest: expands files and directories, infers each file's
 * symbol and timeframe from its name and folders, groups the files of one symbol into one series,
 * and cuts it to {@code [from, to)} by candle open time.
 */
final class BacktestInputs {

  /** A symbol: upper-case letters and digits ending in a quote currency, e.g. 1000PEPEUSDT. */
  private static final Pattern SYMBOL = Pattern.compile("[0-9A-Z]{2,24}(USDT|USDC|USD)");

  private BacktestInputs() {}

  /** One symbol's series as read. */
  record Series(String symbol, List<Path> files, BarArrays bars, ValidationReport report) {}

  /**
   * Returns the files named and the {@code .csv} files found under the directories named (walked
   * recursively, sorted), each once.
   *
   * @throws IllegalArgumentException when an input does not exist
   * @throws MarketDataException when a directory cannot be walked
   */
  static List<Path> expand(List<Path> inputs, String option) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          for (Path f :
              walk.filter(Files::isRegularFile)
                  .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                  .sorted()
                  .toList()) {
            if (seen.add(f.toAbsolutePath().normalize())) {
              files.add(f);
            }
          }
        } catch (IOException e) {
          throw new MarketDataException("cannot walk " + input + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(input)) {
        if (seen.add(input.toAbsolutePath().normalize())) {
          files.add(input);
        }
      } else {
        throw new IllegalArgumentException(option + ": no such file or directory: " + input);
      }
    }
    return files;
  }

  /**
   * Infers a file's symbol: the file name's first token (split at {@code -}, {@code _}, {@code .})
   * when it looks like a symbol ({@code BTCUSDT-5m-2025-01.csv}, {@code DOGEUSDT_1m.csv}),
   * otherwise the nearest enclosing folder named like one ({@code BTCUSDT/funding.csv}).
   *
   * @throws IllegalArgumentException when neither names a symbol
   */
  static String symbolOf(Path file) {
    String name = file.getFileName().toString();
    String first = name.split("[-_.]", 2)[0].toUpperCase(Locale.ROOT);
    if (SYMBOL.matcher(first).matches()) {
      return first;
    }
    for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      if (dir.getFileName() != null) {
        String d = dir.getFileName().toString().toUpperCase(Locale.ROOT);
        if (SYMBOL.matcher(d).matches()) {
          return d;
        }
      }
    }
    throw new IllegalArgumentException(
        "cannot infer the symbol of "
            + file
            + ": name the file like BTCUSDT-5m-2025-01.csv or put it in a folder named BTCUSDT");
  }

  /**
   * Returns a file's timeframe: the timeframe token of its name, else inferred from its rows.
   *
   * @throws MarketDataException when the file cannot be read or its timeframe inferred
   */
  static Timeframe timeframeOf(Path file) {
    Optional<Timeframe> named = CandleCsvReader.timeframeInFileName(file.getFileName().toString());
    if (named.isPresent()) {
      return named.get();
    }
    return CandleCsvReader.inferTimeframe(List.of(CandleCsvReader.readRaw(file)));
  }

  /**
   * Groups the files of one timeframe by symbol; files of other timeframes are added to {@code
   * skipped}.
   *
   * @return symbol to files, sorted by symbol
   */
  static Map<String, List<Path>> bySymbol(List<Path> files, Timeframe wanted, List<Path> skipped) {
    Map<String, List<Path>> out = new TreeMap<>();
    for (Path f : files) {
      if (!timeframeOf(f).equals(wanted)) {
        skipped.add(f);
        continue;
      }
      out.computeIfAbsent(symbolOf(f), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  /**
   * Reads one symbol's files as one series and cuts it to {@code [from, to)}.
   *
   * @throws IllegalArgumentException when no candle of the symbol lies in the period
   * @throws MarketDataException when a file cannot be read or (strict) has a bad row or a gap
   */
  static Series read(
      String symbol,
      List<Path> files,
      Timeframe timeframe,
      CandleCsvReader reader,
      Optional<Instant> from,
      Optional<Instant> to) {
    ValidatedCandles read = reader.withTimeframe(timeframe).read(files);
    BarArrays bars = cut(read.bars(), from, to);
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(
          symbol
              + ": no "
              + timeframe
              + " candles"
              + from.map(f -> " from " + f).orElse("")
              + to.map(t -> " before " + t).orElse("")
              + " in "
              + files.size()
              + " file(s)");
    }
    return new Series(symbol, files, bars, read.report());
  }

  /** Returns the candles whose open time lies in {@code [from, to)}. */
  static BarArrays cut(BarArrays bars, Optional<Instant> from, Optional<Instant> to) {
    long[] t = bars.openTimeMillisUnsafe();
    int start = from.map(f -> lowerBound(t, f.toEpochMilli())).orElse(0);
    int end = to.map(x -> lowerBound(t, x.toEpochMilli())).orElse(t.length);
    if (start == 0 && end == t.length) {
      return bars;
    }
    return bars.slice(start, Math.max(start, end));
  }

  private static int lowerBound(long[] sorted, long key) {
    int k = Arrays.binarySearch(sorted, key);
    if (k < 0) {
      return -k - 1;
    }
    while (k > 0 && sorted[k - 1] == key) {
      k--;
    }
    return k;
  }
}
