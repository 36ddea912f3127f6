package org.smc4j.app.detect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.marketdata.validate.ValidationReport;

/**
 * What {@link DetectJob} found for one symbol.
 *
 * @param symbol the symbol, e.g. {@code BTCUSDT}
 * @param bars the 5m bars run
 * @param report the 5m data report (files, rows, gaps, dropped rows)
 * @param context the 15m context files' report; empty when the 15m candles were derived
 * @param contextBars the 15m bars the engine used
 * @param tickSize the tick size used
 * @param tickGiven whether the tick size was given (else inferred from the price decimals)
 * @param counts events written per kind (every kind present)
 * @param poiArmed POIs armed
 * @param poiTapped POIs tapped
 * @param poiDead POIs dead
 * @param signals the entry signals in the order reported
 * @param read time spent reading
 * @param engine time spent in the engine
 * @param write time spent writing
 * @param dir the folder written
 */
public record SymbolDetection(
    String symbol,
    int bars,
    ValidationReport report,
    Optional<ValidationReport> context,
    int contextBars,
    double tickSize,
    boolean tickGiven,
    Map<StrategyEventKind, Integer> counts,
    int poiArmed,
    int poiTapped,
    int poiDead,
    List<EntrySignal> signals,
    Duration read,
    Duration engine,
    Duration write,
    Path dir) {

  /** Copies the collections. */
  public SymbolDetection {
    counts = Map.copyOf(counts);
    signals = List.copyOf(signals);
  }
}
