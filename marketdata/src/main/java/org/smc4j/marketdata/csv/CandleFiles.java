package org.smc4j.marketdata.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.smc4j.core.bar.Timeframe;

/**
 * The candle files of one timeframe found by {@link CandleFileDiscovery}, grouped into one series
 * per symbol, with what could not be used beside them.
 *
 * @param timeframe the timeframe asked for
 * @param bySymbol symbol to its files (sorted by path, all in one folder), symbols sorted
 * @param otherTimeframes files found in walked folders whose name or folder gives another
 *     timeframe; skipped
 * @param failures per symbol (or per file when no symbol could be read from it), why it cannot be
 *     used: a file named on the command line that holds another timeframe, a name without a symbol,
 *     one symbol's files in several folders; these symbols are not in {@code bySymbol}
 */
public record CandleFiles(
    Timeframe timeframe,
    Map<String, List<Path>> bySymbol,
    List<Path> otherTimeframes,
    Map<String, String> failures) {

  /** Copies the collections; symbols stay sorted. */
  public CandleFiles {
    Objects.requireNonNull(timeframe, "timeframe");
    Map<String, List<Path>> copy = new TreeMap<>();
    bySymbol.forEach((s, files) -> copy.put(s, List.copyOf(files)));
    bySymbol = Collections.unmodifiableMap(copy);
    otherTimeframes = List.copyOf(otherTimeframes);
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /** Returns whether no series was found and nothing failed. */
  public boolean isEmpty() {
    return bySymbol.isEmpty() && failures.isEmpty();
  }

  /**
   * Returns the first failure as {@code "<symbol or file>: <why>"}, for callers that refuse the
   * whole input on any failure.
   */
  public Optional<String> firstFailure() {
    return failures.entrySet().stream().findFirst().map(e -> e.getKey() + ": " + e.getValue());
  }

  /** Returns the symbols found, sorted. */
  public List<String> symbols() {
    return new ArrayList<>(bySymbol.keySet());
  }
}
