package org.smc4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.core.poi.PoiDeathReason;
import org.smc4j.core.signal.ConfidenceScore;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationReport;

/**
 * Embeds strategy-core in a plain Java program: loads 5m candle CSV files with marketdata's {@link
 * CandleCsvReader}, feeds them one closed candle at a time to a {@link StrategyEngine} (exactly as
 * a live bot would on each candle close; the engine derives the 15m candles itself) and prints
 * every entry signal the moment the engine reports it, then a summary.
 *
 * <p>Run after {@code ./mvn21 -pl examples -am package -DskipTests}:
 *
 * <pre>
 * java -jar examples/target/examples.jar ../shared/data/binance-usdm/BTCUSDT/5m --tick-size 0.1
 * </pre>
 *
 * <p>Each signal is known at the close of its 5m bar: the printed time is that close; an MSS signal
 * is filled at the next bar's open, an FVG signal is a resting limit order.
 */
public final class StrategyEngineExample {

  private final PrintStream out;
  private final int decimals;
  private final List<EntrySignal> signals = new ArrayList<>();
  private final Map<PoiDeathReason, Integer> deaths = new EnumMap<>(PoiDeathReason.class);
  private int armed;

  private StrategyEngineExample(PrintStream out, double tickSize) {
    this.out = out;
    this.decimals = Math.max(0, BigDecimal.valueOf(tickSize).stripTrailingZeros().scale());
  }

  /**
   * Runs the example and exits with its code: 0 done, 1 the candles could not be read, 2 usage.
   *
   * @param args candle files or directories, optionally {@code --tick-size X} (default 0.1)
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the example without exiting the JVM.
   *
   * @param args candle files or directories, optionally {@code --tick-size X}
   * @param out receives the signals and the summary
   * @param err receives usage and read errors
   * @return the exit code: 0 done, 1 the candles could not be read, 2 usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<Path> inputs = new ArrayList<>();
    double tickSize = 0.1;
    for (int a = 0; a < args.length; a++) {
      if (args[a].equals("--tick-size") && a + 1 < args.length) {
        try {
          tickSize = Double.parseDouble(args[++a]);
        } catch (NumberFormatException e) {
          err.println("--tick-size must be a number, was " + args[a]);
          return 2;
        }
      } else {
        inputs.add(Path.of(args[a]));
      }
    }
    if (inputs.isEmpty() || !(tickSize > 0) || !Double.isFinite(tickSize)) {
      err.println(
          "usage: StrategyEngineExample FILE|DIR... [--tick-size X]  (5m candle CSV files;"
              + " tick size > 0, default 0.1)");
      return 2;
    }
    ValidatedCandles candles;
    try {
      candles = CandleCsvReader.LENIENT.read(csvFiles(inputs));
    } catch (MarketDataException | UncheckedIOException e) {
      err.println("cannot read the candles: " + e.getMessage());
      return 1;
    }
    ValidationReport report = candles.report();
    out.printf(
        Locale.ROOT,
        "read %d %s bars (%s .. %s), %d rows dropped, %d gaps%n",
        report.barsKept(),
        report.timeframe(),
        report.firstOpenTime().map(Instant::toString).orElse("-"),
        report.lastOpenTime().map(Instant::toString).orElse("-"),
        report.problems().size(),
        report.gaps().size());
    new StrategyEngineExample(out, tickSize).replay(candles.bars(), tickSize);
    return 0;
  }

  private void replay(BarArrays bars, double tickSize) {
    // Only signals and POI changes are wanted: the engine then builds no other event objects.
    StrategyEventListener listener =
        StrategyEventListener.only(
            EnumSet.of(StrategyEventKind.ENTRY_SIGNAL, StrategyEventKind.POI), this::onEvent);
    StrategyEngine engine = new StrategyEngine(StrategyConfig.DEFAULT, tickSize, listener);
    long[] t = bars.openTimeMillisUnsafe();
    double[] o = bars.openUnsafe();
    double[] h = bars.highUnsafe();
    double[] l = bars.lowUnsafe();
    double[] c = bars.closeUnsafe();
    double[] v = bars.volumeUnsafe();
    for (int i = 0; i < bars.size(); i++) {
      // A live program calls this once per closed 5m candle; events arrive before it returns.
      engine.onBar(t[i], o[i], h[i], l[i], c[i], v[i]);
    }
    summary(engine);
  }

  private void onEvent(StrategyEvent event) {
    switch (event) {
      case EntrySignal s -> printSignal(s);
      case PoiArmedEvent a -> armed++;
      case PoiDeadEvent d -> deaths.merge(d.reason(), 1, Integer::sum);
      default -> {}
    }
  }

  private void printSignal(EntrySignal s) {
    signals.add(s);
    ConfidenceScore score = s.score();
    out.printf(
        Locale.ROOT,
        "signal %s at %s: %s %s %s entry %s stop %s target %s (risk %s per unit), score %d/5"
            + " [decisive break %s, POI FVG %s, golden pocket %s, retest %s, displacement %s],"
            + " POI %s [%s, %s] tapped %s%n",
        s.id(),
        Instant.ofEpochMilli(s.knownAtTimeMillis()),
        s.side(),
        s.trigger(),
        s.orderType().name().toLowerCase(Locale.ROOT),
        price(s.entry()),
        price(s.stop()),
        price(s.target()),
        price(s.risk()),
        score.total(),
        yesNo(score.decisiveBreak()),
        yesNo(score.poiHasFvg()),
        yesNo(score.goldenPocket()),
        yesNo(score.structureRetest()),
        yesNo(score.displacement()),
        s.poiId(),
        price(s.poi().bottom()),
        price(s.poi().top()),
        Instant.ofEpochMilli(s.tapTimeMillis()));
  }

  private void summary(StrategyEngine engine) {
    long longs = signals.stream().filter(s -> s.side() == Side.LONG).count();
    double meanScore = signals.stream().mapToInt(s -> s.score().total()).average().orElse(0);
    out.printf(
        Locale.ROOT,
        "%d 5m bars, %d 15m bars: %d POIs armed, %d signals (%d long, %d short), mean score"
            + " %.2f%n",
        engine.barCount(),
        engine.contextBarCount(),
        armed,
        signals.size(),
        longs,
        signals.size() - longs,
        meanScore);
    out.printf(Locale.ROOT, "POI deaths: %s%n", deaths);
  }

  private String price(double value) {
    // Two decimals beyond the tick: stops and targets are computed, not on the tick grid.
    return BigDecimal.valueOf(value).setScale(decimals + 2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static List<Path> csvFiles(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot walk " + input, e);
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }
}
