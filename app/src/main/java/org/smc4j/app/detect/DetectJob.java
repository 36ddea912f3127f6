package org.smc4j.app.detect;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.PoiTappedEvent;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyRun;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import org.smc4j.marketdata.csv.CandleFiles;
import org.smc4j.marketdata.spec.TickSizeInference;
import org.smc4j.marketdata.validate.CandleValidator;
import org.smc4j.marketdata.validate.RawCandles;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationMode;

/**
 * {@code detect}: runs the strategy engine over 5m candle files, one series per symbol ({@link
 * CandleFileDiscovery}), and writes every event as CSV ({@link EventCsvWriter}) into {@code
 * out/<symbol>/}. A symbol that fails (unreadable file, wrong timeframe, missing context) is
 * reported beside the others, which still run.
 *
 * <p>Inputs are grouped into symbols by the rule of every command: {@code BTCUSDT-5m-2025-01.csv}
 * and {@code BTCUSDT_5m.csv} give {@code BTCUSDT}, {@code BTC-USDT-SWAP_5m.csv} gives {@code
 * BTC-USDT-SWAP}, else the symbol folder. All 5m files of one symbol (which must lie in one folder)
 * are read as one series; files of other timeframes met in walked folders are skipped and listed;
 * each symbol gets its own folder {@code out/<symbol>/}, also when only one symbol is given.
 * Without context files the engine derives the 15m candles from the 5m ones; with them, each
 * symbol's 15m candles come from the context files of the same symbol.
 */
public final class DetectJob {

  private DetectJob() {}

  /**
   * Runs the job.
   *
   * @param request what to run
   * @return the symbols run and the failures
   * @throws MarketDataException when an input does not exist or a folder cannot be walked
   */
  public static DetectResult run(DetectRequest request) {
    long start = System.nanoTime();
    CandleFiles found = CandleFileDiscovery.discover(request.inputs(), Timeframe.M5);
    Map<String, String> failures = new LinkedHashMap<>(found.failures());
    List<String> warnings = new ArrayList<>();
    Map<String, List<Path>> context = new TreeMap<>();
    if (request.context().isPresent()) {
      CandleFiles fifteen = CandleFileDiscovery.discover(request.context().get(), Timeframe.M15);
      fifteen.failures().forEach((s, m) -> warnings.add("--context: " + s + ": " + m));
      for (Map.Entry<String, List<Path>> e : fifteen.bySymbol().entrySet()) {
        if (found.bySymbol().containsKey(e.getKey())) {
          context.put(e.getKey(), e.getValue());
        } else {
          warnings.add(
              "context file(s) "
                  + e.getValue()
                  + " ("
                  + e.getKey()
                  + ") have no 5m input; ignored");
        }
      }
    }
    List<SymbolDetection> done = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : found.bySymbol().entrySet()) {
      try {
        done.add(detect(request, e.getKey(), e.getValue(), context.get(e.getKey())));
      } catch (MarketDataException | IllegalArgumentException | UncheckedIOException ex) {
        failures.put(e.getKey(), ex.getMessage());
      }
    }
    return new DetectResult(
        done,
        failures,
        found.otherTimeframes(),
        warnings,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static SymbolDetection detect(
      DetectRequest request, String symbol, List<Path> files, List<Path> contextFiles) {
    if (request.context().isPresent() && contextFiles == null) {
      throw new MarketDataException(
          "--context was given but holds no 15m file of this symbol (files are matched by the"
              + " symbol in their name)");
    }
    long t0 = System.nanoTime();
    ValidatedCandles five =
        readSeries(request, files, Timeframe.M5, "5m input", "give 15m candles with --context");
    Optional<ValidatedCandles> fifteen =
        contextFiles == null
            ? Optional.empty()
            : Optional.of(
                readSeries(
                    request,
                    contextFiles,
                    Timeframe.M15,
                    "--context",
                    "context candles must be 15m"));
    BarArrays bars = five.bars();
    if (bars.isEmpty()) {
      throw new MarketDataException("no valid 5m bar in " + files);
    }
    double tick =
        request.tickSize().isPresent()
            ? request.tickSize().getAsDouble()
            : TickSizeInference.fromPrices(bars).doubleValue();
    long t1 = System.nanoTime();
    StrategyRun run =
        fifteen.isPresent()
            ? StrategyEngine.run(bars, fifteen.get().bars(), request.config(), tick)
            : StrategyEngine.run(bars, request.config(), tick);
    long t2 = System.nanoTime();
    Path dir = request.out().resolve(symbol);
    Map<StrategyEventKind, Integer> counts = EventCsvWriter.write(dir, run.events());
    long t3 = System.nanoTime();
    int armed = 0;
    int tapped = 0;
    int dead = 0;
    List<EntrySignal> signals = new ArrayList<>();
    for (StrategyEvent e : run.events()) {
      switch (e) {
        case PoiArmedEvent a -> armed++;
        case PoiTappedEvent t -> tapped++;
        case PoiDeadEvent d -> dead++;
        case EntrySignal s -> signals.add(s);
        default -> {}
      }
    }
    return new SymbolDetection(
        symbol,
        bars.size(),
        five.report(),
        fifteen.map(ValidatedCandles::report),
        run.contextBarCount(),
        tick,
        request.tickSize().isPresent(),
        counts,
        armed,
        tapped,
        dead,
        signals,
        Duration.ofNanos(t1 - t0),
        Duration.ofNanos(t2 - t1),
        Duration.ofNanos(t3 - t2),
        dir);
  }

  /**
   * Reads the files of one symbol as one series, after checking each file's own timeframe (so a 15m
   * file mixed into 5m inputs is named, not read as 5m rows with gaps and duplicates).
   */
  private static ValidatedCandles readSeries(
      DetectRequest request, List<Path> files, Timeframe expected, String what, String hint) {
    List<RawCandles> raw = new ArrayList<>(files.size());
    for (Path f : files) {
      RawCandles r = CandleCsvReader.readRaw(f);
      Timeframe tf = CandleCsvReader.inferTimeframe(List.of(r));
      if (!tf.equals(expected)) {
        throw new MarketDataException(
            what + " " + f + " holds " + tf + " candles, expected " + expected + " (" + hint + ")");
      }
      raw.add(r);
    }
    return CandleValidator.validate(
        raw, expected, request.strict() ? ValidationMode.STRICT : ValidationMode.LENIENT);
  }
}
