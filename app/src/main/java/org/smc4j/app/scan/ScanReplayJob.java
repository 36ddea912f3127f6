package org.smc4j.app.scan;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.scan.ReplayScanMarket;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.live.scan.SignalPublisher;
import org.smc4j.live.scan.SimulatedTime;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import org.smc4j.marketdata.csv.CandleFiles;
import org.smc4j.marketdata.spec.ContractSpecSource;
import org.smc4j.marketdata.spec.ContractSpecs;
import org.smc4j.marketdata.spec.ResolvedSpec;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.plan.PlanSizer;

/**
 * {@code scan --replay}: the live scan loop over recorded candles on a simulated clock. {@link
 * #read} finds and reads the files ({@link CandleFileDiscovery}) and their specs ({@link
 * ContractSpecSource}: the file, else the OKX specs shipped with smc4j; a symbol missing from
 * either inferred and said so); {@link #run} runs one cycle per 5m close.
 */
public final class ScanReplayJob {

  private ScanReplayJob() {}

  /**
   * The candles and specs of a replay, with what the reading noticed.
   *
   * @param bars each symbol's 5m candles, symbols sorted
   * @param specs each symbol's contract spec and its origin
   * @param warnings data problems (dropped rows, gaps) and inferred specs, one line each
   */
  public record Inputs(
      Map<String, BarArrays> bars, Map<String, ResolvedSpec> specs, List<String> warnings) {

    /** Copies the collections, keeping the symbol order. */
    public Inputs {
      bars = Collections.unmodifiableMap(new LinkedHashMap<>(bars));
      specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
      warnings = List.copyOf(warnings);
    }

    /** Returns each symbol's spec. */
    public Map<String, ContractSpec> contracts() {
      Map<String, ContractSpec> out = new LinkedHashMap<>();
      specs.forEach((s, r) -> out.put(s, r.spec()));
      return out;
    }
  }

  /**
   * What a replay produced.
   *
   * @param cycles the cycles run, one per 5m close
   * @param signals the signals published
   */
  public record Result(long cycles, List<ScanSignal> signals) {

    /** Copies the signals. */
    public Result {
      signals = List.copyOf(signals);
    }
  }

  /**
   * Finds and reads the replay's candle files and specs.
   *
   * @param replay 5m candle files or folders
   * @param specsFile an OKX instruments JSON or spec CSV; a symbol it lacks is inferred
   * @return the candles, specs and warnings
   * @throws MarketDataException when an input is missing or unusable, or a symbol has no valid
   *     candle
   */
  public static Inputs read(List<Path> replay, Optional<Path> specsFile) {
    CandleFiles found = CandleFileDiscovery.discover(replay, Timeframe.M5);
    if (found.firstFailure().isPresent()) {
      throw new MarketDataException("--replay: " + found.firstFailure().get());
    }
    if (found.bySymbol().isEmpty()) {
      throw new MarketDataException("no 5m candle files found in " + replay);
    }
    List<String> warnings = new ArrayList<>();
    Map<String, BarArrays> bars = new LinkedHashMap<>();
    for (Map.Entry<String, List<Path>> e : found.bySymbol().entrySet()) {
      ValidatedCandles read =
          CandleCsvReader.LENIENT.withTimeframe(Timeframe.M5).read(e.getValue());
      if (read.report().hasProblems()) {
        warnings.add(
            "warning: "
                + e.getKey()
                + ": "
                + read.report().problems().size()
                + " invalid rows dropped, "
                + read.report().gaps().size()
                + " gaps ("
                + read.report().missingBars()
                + " missing bars, not filled)");
      }
      if (read.bars().isEmpty()) {
        throw new MarketDataException(e.getKey() + ": no valid 5m candles in " + e.getValue());
      }
      bars.put(e.getKey(), read.bars());
    }
    ContractSpecSource source =
        specsFile.isEmpty()
            ? ContractSpecSource.offlineDefault()
            : ContractSpecSource.of(
                ContractSpecs.read(specsFile.get()), ContractSpecSource.Missing.INFER);
    Map<String, ResolvedSpec> specs = new LinkedHashMap<>();
    for (Map.Entry<String, BarArrays> e : bars.entrySet()) {
      ResolvedSpec s = source.resolve(e.getKey(), e.getValue());
      if (s.inferred() || specsFile.isEmpty()) {
        warnings.add("note: " + e.getKey() + ": " + s.describe());
      }
      specs.put(e.getKey(), s);
    }
    return new Inputs(bars, specs, warnings);
  }

  /**
   * Runs the scan loop over recorded candles: one cycle per 5m close from the first candle's close
   * to the last, on a simulated clock, writing the journal and signals file of {@code config}.
   *
   * @param config the configuration (alerts are not sent)
   * @param bars each symbol's 5m candles
   * @param specs each symbol's contract spec
   * @param out where signal lines go
   * @return the cycles run and the signals published
   */
  public static Result run(
      Smc4jConfig config,
      Map<String, BarArrays> bars,
      Map<String, ContractSpec> specs,
      PrintWriter out) {
    long delay = config.scan().closeDelay().toMillis();
    ReplayScanMarket probe = new ReplayScanMarket(bars, specs, InstantSource.fixed(Instant.EPOCH));
    long first = probe.firstClose();
    long last = probe.lastClose();
    SimulatedTime time = new SimulatedTime(first + delay);
    long cycles = 0;
    try (ScanMarket market = new ReplayScanMarket(bars, specs, time);
        Journal journal =
            SqliteJournal.open(config.output().journal(), "scan replay " + bars.keySet());
        SignalPublisher publisher =
            new SignalPublisher(
                out,
                config.output().signals(),
                journal,
                Set.of(),
                AlertDispatcher.synchronous(List.of()),
                Optional.empty(),
                time)) {
      ScanLoop loop =
          new ScanLoop(
              config.scan(),
              config.strategy(),
              new PlanSizer(config.risk().sizing()),
              ScanPipeline.pipeline(config, time, publisher.decisionJournal()),
              ScanPipeline.paperBrokers(config),
              market,
              time,
              time,
              null,
              publisher);
      for (long close = first; close <= last; close += Timeframe.M5.millis()) {
        time.advanceTo(close + delay);
        loop.cycle(close);
        cycles++;
      }
      return new Result(cycles, publisher.publishedThisRun());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay interrupted", e);
    }
  }
}
