package org.smc4j.live.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smc4j.marketdata.MarketDataException;

/**
 * Groups replay inputs (files and folders of candle CSVs) by symbol. The symbol is the part of the
 * file name before its timeframe token: {@code BTCUSDT-5m-2025-01.csv} (Binance monthly files),
 * {@code BTCUSDT_5m.csv} (Bybit) and {@code BTC-USDT-SWAP_5m.csv} ({@code smc4j download}) give
 * {@code BTCUSDT}, {@code BTCUSDT} and {@code BTC-USDT-SWAP}. Only 5m files are used; folders are
 * walked recursively and their other timeframes skipped.
 */
public final class ReplayInputs {

  private static final Pattern NAME =
      Pattern.compile("(?i)^(.+?)[-_](1m|3m|5m|15m|30m|1h|2h|4h|6h|12h|1d)(?:[-_.].*)?$");

  private ReplayInputs() {}

  /**
   * Returns the 5m files of each symbol, symbols in the order first met.
   *
   * @param inputs files or folders
   * @return symbol to files
   * @throws MarketDataException when an input does not exist, a named file is not a 5m file, or no
   *     5m file is found
   */
  public static Map<String, List<Path>> bySymbol(List<Path> inputs) {
    Map<String, List<Path>> out = new LinkedHashMap<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(input)) {
          found =
              walk.filter(Files::isRegularFile)
                  .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                  .sorted()
                  .toList();
        } catch (IOException e) {
          throw new MarketDataException("cannot walk " + input + ": " + e, e);
        }
        for (Path f : found) {
          Matcher m = NAME.matcher(stem(f));
          if (m.matches() && m.group(2).equalsIgnoreCase("5m") && seen.add(f.toAbsolutePath())) {
            out.computeIfAbsent(m.group(1).toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
          }
        }
      } else if (Files.isRegularFile(input)) {
        Matcher m = NAME.matcher(stem(input));
        if (!m.matches() || !m.group(2).equalsIgnoreCase("5m")) {
          throw new MarketDataException(
              input
                  + ": the file name must name the symbol and the 5m timeframe, e.g."
                  + " BTCUSDT-5m-2025-01.csv or BTC-USDT-SWAP_5m.csv");
        }
        if (seen.add(input.toAbsolutePath())) {
          out.computeIfAbsent(m.group(1).toUpperCase(Locale.ROOT), k -> new ArrayList<>())
              .add(input);
        }
      } else {
        throw new MarketDataException("no such file or directory: " + input);
      }
    }
    if (out.isEmpty()) {
      throw new MarketDataException("no 5m candle files found in " + inputs);
    }
    return out;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".csv")
        ? name.substring(0, name.length() - 4)
        : name;
  }
}
