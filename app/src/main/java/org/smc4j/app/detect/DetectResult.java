package org.smc4j.app.detect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smc4j.core.engine.StrategyEventKind;

/**
 * What {@link DetectJob} did.
 *
 * @param symbols the symbols that ran, sorted
 * @param failures per symbol (or file), why it did not run
 * @param skipped files of other timeframes met in walked folders
 * @param warnings problems that did not stop a symbol (unusable context files)
 * @param elapsed the whole run's time
 */
public record DetectResult(
    List<SymbolDetection> symbols,
    Map<String, String> failures,
    List<Path> skipped,
    List<String> warnings,
    Duration elapsed) {

  /** Copies the collections. */
  public DetectResult {
    symbols = List.copyOf(symbols);
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /** Returns the 5m bars run over all symbols. */
  public long totalBars() {
    return symbols.stream().mapToLong(SymbolDetection::bars).sum();
  }

  /** Returns the events written per kind over all symbols (every kind present). */
  public Map<StrategyEventKind, Long> totals() {
    Map<StrategyEventKind, Long> totals = new EnumMap<>(StrategyEventKind.class);
    for (StrategyEventKind kind : StrategyEventKind.values()) {
      totals.put(kind, 0L);
    }
    for (SymbolDetection s : symbols) {
      s.counts().forEach((k, n) -> totals.merge(k, (long) n, Long::sum));
    }
    return totals;
  }

  /** Returns whether a symbol failed. */
  public boolean failed() {
    return !failures.isEmpty();
  }
}
