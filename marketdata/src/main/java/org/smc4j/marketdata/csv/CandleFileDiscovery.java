package org.smc4j.marketdata.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;

/**
 * Finds candle CSV files and reads their symbol and timeframe: the one rule every command uses
 * ({@code backtest}, {@code detect}, {@code data}, {@code scan --replay}).
 *
 * <p><b>Symbol.</b> The file name up to its timeframe token, upper-cased: {@code
 * BTCUSDT-5m-2025-01.csv} (Binance monthly files), {@code BTCUSDT_5m.csv} (Bybit), {@code
 * BTC-USDT-SWAP_5m.csv} (OKX, {@code smc4j download}) and {@code WUSDT_5m.csv} give {@code
 * BTCUSDT}, {@code BTCUSDT}, {@code BTC-USDT-SWAP} and {@code WUSDT}. A name without a timeframe
 * token takes the symbol of its folder: {@code <root>/<SYMBOL>/<tf>/file.csv} or {@code
 * <root>/<SYMBOL>/file.csv}, the folder named like a quoted symbol ({@code BTCUSDT}, {@code
 * BTC-USDT-SWAP}); else the name itself when it is one ({@code BTCUSDT.csv}). Anything else ({@code
 * candles.csv} in a plain folder, {@code 5m_BTC.csv}) names no symbol and is refused.
 *
 * <p><b>Timeframe.</b> The timeframe token of the name, else of the folder ({@code
 * <SYMBOL>/5m/file.csv}), else inferred from the rows.
 *
 * <p><b>Series.</b> All files of one symbol and timeframe form one series; they must lie in one
 * folder (one symbol in two folders is usually the same market from two venues, which would
 * overlap).
 */
public final class CandleFileDiscovery {

  /** Characters of a symbol taken from a file name: letters and digits joined by - or _. */
  private static final Pattern NAME_SYMBOL = Pattern.compile("[0-9A-Z]+(?:[-_][0-9A-Z]+)*");

  /**
   * A quoted symbol, as a folder or a bare file name must be: {@code BTCUSDT}, {@code WUSDT},
   * {@code 1000PEPEUSDT}, {@code BTC-USDT}, {@code BTC-USDT-SWAP}.
   */
  private static final Pattern QUOTED_SYMBOL =
      Pattern.compile("[0-9A-Z]{1,24}-?(?:USDT|USDC|USD|BUSD)(?:-SWAP)?");

  private CandleFileDiscovery() {}

  /**
   * Returns the files named and the {@code .csv} files found under the directories named (walked
   * recursively, sorted by path), each once, in that order.
   *
   * @param inputs files or directories
   * @return the files
   * @throws MarketDataException when an input does not exist or a directory cannot be walked
   */
  public static List<Path> expand(List<Path> inputs) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      for (Path f : filesOf(input)) {
        if (seen.add(f.toAbsolutePath().normalize())) {
          files.add(f);
        }
      }
    }
    return files;
  }

  private static List<Path> filesOf(Path input) {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      throw new MarketDataException("no such file or directory: " + input);
    }
    try (Stream<Path> walk = Files.walk(input)) {
      return walk.filter(Files::isRegularFile).filter(CandleFileDiscovery::isCsv).sorted().toList();
    } catch (IOException e) {
      throw new MarketDataException("cannot walk " + input + ": " + e.getMessage(), e);
    }
  }

  private static boolean isCsv(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /**
   * Returns the symbol of a candle file by the rule of this class.
   *
   * @param file a candle file
   * @return the symbol, upper case, e.g. {@code BTCUSDT} or {@code BTC-USDT-SWAP}
   * @throws IllegalArgumentException naming the file when neither its name nor its folders name a
   *     symbol
   */
  public static String symbolOf(Path file) {
    return findSymbol(file).orElseThrow(() -> new IllegalArgumentException(noSymbol(file)));
  }

  /**
   * Returns the symbol of a candle file, or empty when it names none.
   *
   * @param file a candle file
   * @return the symbol
   */
  public static Optional<String> findSymbol(Path file) {
    Objects.requireNonNull(file, "file");
    String stem = stem(file);
    int token = timeframeTokenStart(stem);
    if (token == 0) {
      return Optional.empty();
    }
    if (token > 0) {
      String prefix = stem.substring(0, token - 1).toUpperCase(Locale.ROOT);
      return NAME_SYMBOL.matcher(prefix).matches() ? Optional.of(prefix) : Optional.empty();
    }
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent != null && parent.getFileName() != null && isTimeframe(name(parent))) {
      parent = parent.getParent();
    }
    if (parent != null && parent.getFileName() != null) {
      String folder = name(parent).toUpperCase(Locale.ROOT);
      if (QUOTED_SYMBOL.matcher(folder).matches()) {
        return Optional.of(folder);
      }
    }
    String bare = stem.toUpperCase(Locale.ROOT);
    return QUOTED_SYMBOL.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
  }

  /**
   * Returns the timeframe a file's name (or, without a token in the name, its folder) gives.
   *
   * @param file a candle file
   * @return the named timeframe, or empty
   */
  public static Optional<Timeframe> namedTimeframe(Path file) {
    String stem = stem(file);
    int token = timeframeTokenStart(stem);
    if (token >= 0) {
      return Optional.of(Timeframe.parse(stem.substring(token, tokenEnd(stem, token))));
    }
    Optional<Timeframe> anyToken = CandleCsvReader.timeframeInFileName(stem);
    if (anyToken.isPresent()) {
      return anyToken;
    }
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent != null && parent.getFileName() != null && isTimeframe(name(parent))) {
      return Optional.of(Timeframe.parse(name(parent)));
    }
    return Optional.empty();
  }

  /**
   * Returns a file's timeframe: {@link #namedTimeframe}, else inferred from its rows.
   *
   * @param file a candle file
   * @return the timeframe
   * @throws MarketDataException when the file cannot be read or its timeframe inferred
   */
  public static Timeframe timeframeOf(Path file) {
    Optional<Timeframe> named = namedTimeframe(file);
    if (named.isPresent()) {
      return named.get();
    }
    return CandleCsvReader.inferTimeframe(List.of(CandleCsvReader.readRaw(file)));
  }

  /**
   * Expands the inputs and groups the files of one timeframe into one series per symbol.
   *
   * @param inputs files or directories
   * @param wanted the timeframe to collect
   * @return the series, the files of other timeframes met in walked folders, and the failures
   * @throws MarketDataException when an input does not exist or a directory cannot be walked, or a
   *     file without a timeframe in its name cannot be read
   */
  public static CandleFiles discover(List<Path> inputs, Timeframe wanted) {
    Objects.requireNonNull(wanted, "wanted");
    Set<Path> named = new LinkedHashSet<>();
    for (Path input : inputs) {
      if (Files.isRegularFile(input)) {
        named.add(input.toAbsolutePath().normalize());
      }
    }
    Map<String, List<Path>> bySymbol = new TreeMap<>();
    List<Path> other = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    for (Path f : expand(inputs)) {
      Optional<String> symbol = findSymbol(f);
      boolean explicit = named.contains(f.toAbsolutePath().normalize());
      if (symbol.isEmpty()) {
        failures.put(f.toString(), noSymbol(f));
        continue;
      }
      Timeframe tf = timeframeOf(f);
      if (!tf.equals(wanted)) {
        if (explicit) {
          failures.putIfAbsent(
              symbol.get(), f + " holds " + tf.label() + " candles, expected " + wanted.label());
        } else {
          other.add(f);
        }
        continue;
      }
      bySymbol.computeIfAbsent(symbol.get(), k -> new ArrayList<>()).add(f);
    }
    for (String s : failures.keySet()) {
      bySymbol.remove(s);
    }
    for (Map.Entry<String, List<Path>> e : List.copyOf(bySymbol.entrySet())) {
      Set<Path> folders = new TreeSet<>();
      for (Path f : e.getValue()) {
        Path parent = f.toAbsolutePath().normalize().getParent();
        folders.add(parent == null ? Path.of("") : parent);
      }
      if (folders.size() > 1) {
        failures.put(
            e.getKey(),
            wanted.label()
                + " files of this symbol lie in "
                + folders.size()
                + " folders "
                + folders
                + "; one series comes from one folder");
        bySymbol.remove(e.getKey());
      } else {
        e.getValue().sort(null);
      }
    }
    return new CandleFiles(wanted, bySymbol, other, failures);
  }

  private static String noSymbol(Path file) {
    return "cannot infer the symbol of "
        + file
        + ": name the file like BTCUSDT-5m-2025-01.csv, BTCUSDT_5m.csv or"
        + " BTC-USDT-SWAP_5m.csv, or put it in a folder named like BTCUSDT";
  }

  /** The start of the first timeframe token after the first token, 0 when first, else -1. */
  private static int timeframeTokenStart(String stem) {
    int start = 0;
    for (int i = 0; i <= stem.length(); i++) {
      if (i == stem.length() || stem.charAt(i) == '-' || stem.charAt(i) == '_') {
        if (isTimeframe(stem.substring(start, i))) {
          return start;
        }
        start = i + 1;
      }
    }
    return -1;
  }

  private static int tokenEnd(String stem, int start) {
    int i = start;
    while (i < stem.length() && stem.charAt(i) != '-' && stem.charAt(i) != '_') {
      i++;
    }
    return i;
  }

  /** A timeframe token as names carry it: 1m, 5m, 15m, 1h, 4h, 1d (lower-case unit). */
  private static boolean isTimeframe(String token) {
    Optional<Timeframe> tf = CandleCsvReader.timeframeInFileName(token);
    return tf.isPresent() && tf.get().label().equals(token);
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  private static String stem(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".csv")
        ? name.substring(0, name.length() - 4)
        : name;
  }
}
