package org.smc4j.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;

/**
 * Reads a symbol's 5m candles from the CSV files under a folder, by the rule {@code smc4j backtest
 * --data} uses: the {@code .csv} files found walking the folder (sorted), a file's symbol the first
 * token of its name ({@code BTCUSDT-5m-2025-01.csv}) or else its nearest folder named like a
 * symbol, its timeframe the token in its name or else inferred from its rows; all 5m files of the
 * symbol read as one series (strict validation by default) and cut to {@code [from, to)} by open
 * time.
 */
public final class CsvCandleSource implements CandleSource {

  private static final Pattern SYMBOL = Pattern.compile("[0-9A-Z]{2,24}(USDT|USDC|USD)");

  private final TreeMap<String, List<Path>> files;
  private final CandleCsvReader reader;
  private final Instant from;
  private final Instant to;

  private CsvCandleSource(
      TreeMap<String, List<Path>> files, CandleCsvReader reader, Instant from, Instant to) {
    this.files = files;
    this.reader = reader;
    this.from = from;
    this.to = to;
  }

  /**
   * Finds the 5m files under a folder.
   *
   * @param root the folder walked for {@code *.csv}
   * @param reader the reader (strict or lenient)
   * @param from the first candle open time kept
   * @param to the end (exclusive) of open times kept
   * @return the source
   * @throws MarketDataException when the folder cannot be walked or a file's timeframe read
   * @throws IllegalArgumentException when the folder does not exist
   */
  public static CsvCandleSource of(Path root, CandleCsvReader reader, Instant from, Instant to) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("no such data folder: " + root);
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new MarketDataException("cannot walk " + root + ": " + e.getMessage(), e);
    }
    TreeMap<String, List<Path>> bySymbol = new TreeMap<>();
    for (Path f : all) {
      Optional<String> symbol = symbolOf(f);
      if (symbol.isEmpty() || !timeframeOf(f).equals(Timeframe.M5)) {
        continue;
      }
      bySymbol.computeIfAbsent(symbol.get(), k -> new ArrayList<>()).add(f);
    }
    return new CsvCandleSource(bySymbol, reader.withTimeframe(Timeframe.M5), from, to);
  }

  /** Returns the symbols that have 5m files, sorted. */
  public List<String> symbols() {
    return List.copyOf(files.keySet());
  }

  @Override
  public BarArrays fiveMinute(String symbol) {
    List<Path> own = files.get(symbol);
    if (own == null) {
      throw new IllegalArgumentException(
          symbol + ": no 5m candle files (found " + files.keySet() + ")");
    }
    BarArrays bars = cut(reader.read(own).bars(), from, to);
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(
          symbol
              + ": no 5m candles from "
              + from
              + " before "
              + to
              + " in "
              + own.size()
              + " files");
    }
    return bars;
  }

  /**
   * Returns the candles whose open time lies in {@code [from, to)}.
   *
   * @param bars the candles, in time order
   * @param from the first open time kept
   * @param to the end (exclusive)
   * @return the candles in the range, possibly empty
   */
  public static BarArrays cut(BarArrays bars, Instant from, Instant to) {
    long[] t = bars.openTimeMillisUnsafe();
    int start = lowerBound(t, from.toEpochMilli());
    int end = lowerBound(t, to.toEpochMilli());
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

  /**
   * Returns the symbol this source gives a file: its name's first token ({@code
   * BTCUSDT-5m-2025-01.csv}), else its nearest folder named like a symbol. Other sources (e.g. one
   * reading through Hadoop's file systems) call it to pick the same files.
   *
   * @param file a candle file (it need not exist)
   * @return the symbol, or empty when neither name nor folders give one
   */
  public static Optional<String> symbolOf(Path file) {
    String first = file.getFileName().toString().split("[-_.]", 2)[0].toUpperCase(Locale.ROOT);
    if (SYMBOL.matcher(first).matches()) {
      return Optional.of(first);
    }
    for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      if (dir.getFileName() != null) {
        String d = dir.getFileName().toString().toUpperCase(Locale.ROOT);
        if (SYMBOL.matcher(d).matches()) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  private static Timeframe timeframeOf(Path file) {
    Optional<Timeframe> named = CandleCsvReader.timeframeInFileName(file.getFileName().toString());
    if (named.isPresent()) {
      return named.get();
    }
    return CandleCsvReader.inferTimeframe(List.of(CandleCsvReader.readRaw(file)));
  }
}
