package org.smc4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.signal.Side;
import org.smc4j.core.ta4j.BarSeriesFactory;
import org.smc4j.core.ta4j.ConfluenceStrategyFactory;
import org.smc4j.core.ta4j.SignalExitRule;
import org.smc4j.core.ta4j.StrategySeries;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Uses smc4j from ta4j: loads 5m candle CSV files with marketdata's {@link CandleCsvReader}, copies
 * them into a ta4j {@code BarSeries}, builds the confluence strategy with {@link
 * ConfluenceStrategyFactory} over a {@link StrategySeries} and lets ta4j's own {@link
 * BarSeriesManager} trade it, once for longs and once for shorts; prints every trade and a summary.
 *
 * <p>Run after {@code ./mvn21 -pl examples -am package -DskipTests}:
 *
 * <pre>
 * java -cp examples/target/examples.jar org.smc4j.examples.Ta4jStrategyExample \
 *     ../shared/data/binance-usdm/SOLUSDT/5m --tick-size 0.01
 * </pre>
 *
 * Without candle arguments it reads {@code binance-usdm/BTCUSDT/5m} of the shared data folder
 * ({@code -Dsmc4j.shared.dir=<shared>}, else a {@code shared} folder beside the working directory
 * or one of its parents). ta4j decides at bar closes and, by default, trades at the next bar's
 * open: a position opens at the open after the signal bar and closes at the open after the first
 * bar that reaches the signal's stop or target, so results differ from the backtest module's exact
 * stop, target and limit fills. P&amp;L is gross, per unit of the base asset.
 */
public final class Ta4jStrategyExample {

  private static final String DEFAULT_DATA = "binance-usdm/BTCUSDT/5m";

  private Ta4jStrategyExample() {}

  /**
   * Runs the example and exits with its code: 0 done, 1 the candles could not be read, 2 usage.
   *
   * @param args candle files or directories (default: the shared BTCUSDT 5m folder), optionally
   *     {@code --tick-size X} (default 0.1)
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the example without exiting the JVM.
   *
   * @param args candle files or directories, optionally {@code --tick-size X}
   * @param out receives the trades and the summary
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
      } else if (args[a].startsWith("--")) {
        err.println("unknown option " + args[a]);
        return usage(err);
      } else {
        inputs.add(Path.of(args[a]));
      }
    }
    if (!(tickSize > 0) || !Double.isFinite(tickSize)) {
      return usage(err);
    }
    if (inputs.isEmpty()) {
      Optional<Path> data = defaultData();
      if (data.isEmpty()) {
        err.println(
            "no candle files given and no shared data folder found (looked for "
                + DEFAULT_DATA
                + " under -Dsmc4j.shared.dir and beside the working directory)");
        return usage(err);
      }
      inputs.add(data.get());
    }
    ValidatedCandles candles;
    try {
      candles = CandleCsvReader.LENIENT.read(csvFiles(inputs));
    } catch (MarketDataException | UncheckedIOException e) {
      err.println("cannot read the candles: " + e.getMessage());
      return 1;
    }
    BarSeries series = BarSeriesFactory.of(candles.bars(), "smc4j", DoubleNumFactory.getInstance());
    out.printf(
        Locale.ROOT,
        "read %d bars %s .. %s%n",
        series.getBarCount(),
        series.getFirstBar().getBeginTime(),
        series.getLastBar().getBeginTime());
    StrategySeries smc = StrategySeries.of(series, StrategyConfig.DEFAULT, tickSize);
    BarSeriesManager manager = new BarSeriesManager(series);
    for (Side side : Side.values()) {
      Strategy strategy = ConfluenceStrategyFactory.of(smc, side);
      TradingRecord record = manager.run(strategy, ConfluenceStrategyFactory.tradeType(side));
      report(out, series, smc, side, record);
    }
    return 0;
  }

  private static void report(
      PrintStream out, BarSeries series, StrategySeries smc, Side side, TradingRecord record) {
    SignalExitRule exits = new SignalExitRule(smc, side);
    String name = side.name().toLowerCase(Locale.ROOT);
    int wins = 0;
    double total = 0;
    List<Position> positions = record.getPositions();
    for (Position p : positions) {
      int entry = p.getEntry().getIndex();
      EntrySignal signal =
          smc.signalAt(entry - 1, side)
              .orElseThrow(() -> new IllegalStateException("no signal before bar " + entry));
      double pnl = p.getGrossProfit().doubleValue();
      total += pnl;
      wins += pnl > 0 ? 1 : 0;
      out.printf(
          Locale.ROOT,
          "trade %s %s: signal %s at %s (entry %.2f stop %.2f target %.2f), in %s @ %s, out %s @"
              + " %s, gross %+.2f per unit%n",
          name,
          signal.trigger(),
          signal.id(),
          series.getBar(entry - 1).getEndTime(),
          signal.entry(),
          signal.stop(),
          signal.target(),
          series.getBar(entry).getBeginTime(),
          p.getEntry().getNetPrice(),
          series.getBar(p.getExit().getIndex()).getBeginTime(),
          p.getExit().getNetPrice(),
          pnl);
    }
    Optional<EntrySignal> open = exits.signalOf(record);
    out.printf(
        Locale.ROOT,
        "%s: %d trades, %d winners (%.1f %%), gross %+.2f per unit%s%n",
        name,
        positions.size(),
        wins,
        positions.isEmpty() ? 0.0 : 100.0 * wins / positions.size(),
        total,
        open.map(s -> ", still open from " + s.id()).orElse(""));
  }

  private static int usage(PrintStream err) {
    err.println(
        "usage: Ta4jStrategyExample [FILE|DIR...] [--tick-size X]  (5m candle CSV files, default"
            + " the shared "
            + DEFAULT_DATA
            + "; tick size > 0, default 0.1)");
    return 2;
  }

  private static Optional<Path> defaultData() {
    String configured = System.getProperty("smc4j.shared.dir");
    if (configured != null && !configured.isBlank()) {
      Path p = Paths.get(configured).resolve("data").resolve(DEFAULT_DATA);
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path p = dir.resolveSibling("shared").resolve("data").resolve(DEFAULT_DATA);
      if (Files.isDirectory(p)) {
        return Optional.of(p.normalize());
      }
      dir = dir.getParent();
    }
    return Optional.empty();
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
