package org.smc4j.cli.detect;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.ConfigPrinter;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.options.StrategyOptions;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.PoiTappedEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyRun;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import org.smc4j.marketdata.csv.CandleFiles;
import org.smc4j.marketdata.spec.TickSizeInference;
import org.smc4j.marketdata.validate.CandleValidator;
import org.smc4j.marketdata.validate.RawCandles;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationMode;
import org.smc4j.marketdata.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j detect}: runs the strategy engine over 5m candle files and writes every event it
 * reports as CSV, one file per event kind (see {@link EventCsvWriter} for the columns), then prints
 * a summary per symbol (files, bars, data problems, 15m source, tick size, counts per kind, time
 * taken).
 *
 * <p>Inputs are grouped into symbols by {@link CandleFileDiscovery} (the rule of every command:
 * {@code BTCUSDT-5m-2025-01.csv} and {@code BTCUSDT_5m.csv} give {@code BTCUSDT}, {@code
 * BTC-USDT-SWAP_5m.csv} gives {@code BTC-USDT-SWAP}, else the symbol folder). All 5m files of one
 * symbol (which must lie in one folder) are read as one series; files of other timeframes met in
 * walked folders are skipped with a note; each symbol gets its own folder {@code OUT/<symbol>/},
 * also when only one symbol is given. Without {@code --context} the engine derives the 15m candles
 * from the 5m ones; with it, each symbol's 15m candles come from the context files of the same
 * symbol. A symbol that fails (unreadable file, wrong timeframe, missing context) is reported and
 * the others still run. Exit 0 when every symbol ran, 1 when one failed, 2 for a usage error
 * (including a bad strategy parameter or config key).
 *
 * <p>The strategy parameters come from the {@code strategy} section of the configuration file
 * ({@code --config}, else {@code ./smc4j.yaml} when present, see {@link ConfigLoader}), each
 * overridden by its option when given.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the strategy engine (15m BOS, Fibonacci leg, FVG POI, 5m entry) over 5m candle CSV files"
          + " and write its events as CSV, one file per kind, into OUT/<symbol>/: swing_5m,"
          + " swing_15m, structure_break, impulse_leg, fvg_5m, fvg_15m, poi (armed, tapped, dead),"
          + " entry_signal.",
      "Each row has origin and known-at bar indices and times (ISO UTC; origin = bar open, known-at"
          + " = bar close), then the kind's prices, states and score parts.",
      "Files are grouped into symbols by file name (BTCUSDT-5m-2025-01.csv -> BTCUSDT); directories"
          + " are walked recursively. 15m candles are derived from the 5m ones (complete buckets"
          + " aligned to 00:00 UTC) unless --context gives them."
    },
    footer = {
      "",
      "Precedence: an option given here > the --config file (or ./smc4j.yaml) > built-in default."
          + " The whole file is checked (the same smc4j.yaml as scan and backtest); detect uses its"
          + " strategy section. The (default: ...) of an option is the built-in value.",
      "",
      "Exit codes: 0 every symbol ran, 1 a symbol failed (the others still run), 2 usage error or"
          + " bad strategy parameter.",
      "Example: smc4j detect ../shared/data/binance-usdm/BTCUSDT/5m --out detect-out --rr 2.5"
    })
public final class DetectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE|DIR",
      description = "5m candle CSV files (any supported format), or directories to walk.")
  List<Path> inputs;

  @Option(
      names = "--context",
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description =
          "15m candle CSV files or directories, matched to the 5m files by symbol (default: derive"
              + " 15m from 5m).")
  List<Path> context;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder; one subfolder per symbol, existing files replaced (required).")
  Path out;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration; its strategy section sets the parameters (default: smc4j.yaml when"
              + " present, else built-in defaults).")
  Path configFile;

  @Option(
      names = "--print-config",
      description = "Print the effective configuration (file + options) and exit.")
  boolean printConfig;

  @Option(
      names = "--tick-size",
      paramLabel = "X",
      description =
          "Price increment of the instrument(s) (default: 10^-d, d = the most decimals of any price"
              + " in the series; give the venue's tick when it is not a power of ten).")
  Double tickSize;

  @Option(
      names = "--strict",
      description =
          "Fail a symbol on the first invalid row or gap instead of dropping/reporting it.")
  boolean strict;

  @Mixin StrategyOptions strategy;

  /** 5m bars run over all symbols of this invocation. */
  private long totalBars;

  /** Creates the command (picocli). */
  public DetectCommand() {}

  /** The files of one symbol. */
  private static final class SymbolFiles {
    final List<Path> fiveMinute;
    final List<Path> context = new ArrayList<>();

    SymbolFiles(List<Path> fiveMinute) {
      this.fiveMinute = fiveMinute;
    }
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> file;
    Smc4jConfig settings;
    try {
      file = ConfigLoader.locate(configFile);
      settings = ConfigLoader.load(file);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    StrategyConfig config = strategy.applyTo(settings.strategy());
    if (printConfig) {
      stdout.print(ConfigPrinter.toYaml(settings.withStrategy(config), null));
      stdout.flush();
      return ExitCodes.OK;
    }
    if (inputs == null || inputs.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Missing required parameter: 'FILE|DIR' (5m candle files)");
    }
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
    }
    if (tickSize != null && !(tickSize > 0 && Double.isFinite(tickSize))) {
      throw new IllegalArgumentException("--tick-size must be > 0 and finite, was " + tickSize);
    }
    stdout.println(
        "config: "
            + file.map(Path::toString).orElse("built-in defaults (no --config, no smc4j.yaml)"));
    long start = System.nanoTime();
    CandleFiles found = CandleFileDiscovery.discover(inputs, Timeframe.M5);
    Map<String, SymbolFiles> symbols = new TreeMap<>();
    found.bySymbol().forEach((s, f) -> symbols.put(s, new SymbolFiles(f)));
    if (symbols.isEmpty() && found.failures().isEmpty()) {
      err.println("error: no 5m CSV files found in " + inputs);
      return ExitCodes.FAILED;
    }
    for (Path f : found.otherTimeframes()) {
      stdout.println("note: skipped " + f + ": not a 5m file");
    }
    if (context != null) {
      CandleFiles fifteen = CandleFileDiscovery.discover(context, Timeframe.M15);
      fifteen.failures().forEach((s, m) -> err.println("warning: --context: " + s + ": " + m));
      for (Map.Entry<String, List<Path>> e : fifteen.bySymbol().entrySet()) {
        SymbolFiles files = symbols.get(e.getKey());
        if (files == null) {
          err.println(
              "warning: context file(s) "
                  + e.getValue()
                  + " ("
                  + e.getKey()
                  + ") have no 5m input; ignored");
        } else {
          files.context.addAll(e.getValue());
        }
      }
    }
    int failed = found.failures().size();
    found.failures().forEach((s, m) -> err.println("failed: " + s + ": " + m));
    totalBars = 0;
    Map<StrategyEventKind, Long> totals = new EnumMap<>(StrategyEventKind.class);
    for (Map.Entry<String, SymbolFiles> e : symbols.entrySet()) {
      try {
        Map<StrategyEventKind, Integer> counts = detect(stdout, e.getKey(), e.getValue(), config);
        counts.forEach((k, n) -> totals.merge(k, (long) n, Long::sum));
      } catch (MarketDataException | IllegalArgumentException | UncheckedIOException ex) {
        failed++;
        err.println("failed: " + e.getKey() + ": " + ex.getMessage());
      }
    }
    StringBuilder kinds = new StringBuilder();
    for (StrategyEventKind kind : StrategyEventKind.values()) {
      kinds.append(kinds.isEmpty() ? "" : ", ").append(label(kind)).append(' ');
      kinds.append(totals.getOrDefault(kind, 0L));
    }
    stdout.printf(
        "== summary: %d symbol%s, %d failed; %d 5m bars; events: %s; %d ms%n",
        symbols.size() + found.failures().size(),
        symbols.size() + found.failures().size() == 1 ? "" : "s",
        failed,
        totalBars,
        kinds,
        (System.nanoTime() - start) / 1_000_000);
    stdout.flush();
    return failed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private Map<StrategyEventKind, Integer> detect(
      PrintWriter stdout, String symbol, SymbolFiles files, StrategyConfig config) {
    if (context != null && files.context.isEmpty()) {
      throw new MarketDataException(
          "--context was given but holds no 15m file of this symbol (files are matched by the"
              + " symbol in their name)");
    }
    long t0 = System.nanoTime();
    ValidatedCandles five =
        readSeries(files.fiveMinute, Timeframe.M5, "5m input", "give 15m candles with --context");
    Optional<ValidatedCandles> fifteen = Optional.empty();
    if (!files.context.isEmpty()) {
      fifteen =
          Optional.of(
              readSeries(files.context, Timeframe.M15, "--context", "context candles must be 15m"));
    }
    BarArrays bars = five.bars();
    if (bars.size() == 0) {
      throw new MarketDataException("no valid 5m bar in " + files.fiveMinute);
    }
    double tick = tickSize != null ? tickSize : TickSizeInference.fromPrices(bars).doubleValue();
    long t1 = System.nanoTime();
    StrategyRun run =
        fifteen.isPresent()
            ? StrategyEngine.run(bars, fifteen.get().bars(), config, tick)
            : StrategyEngine.run(bars, config, tick);
    long t2 = System.nanoTime();
    Path dir = out.resolve(symbol);
    Map<StrategyEventKind, Integer> counts = EventCsvWriter.write(dir, run.events());
    long t3 = System.nanoTime();

    ValidationReport r = five.report();
    stdout.printf(
        "== %s: %d file%s, %d rows read, %d 5m bars (%s .. %s), gaps %d (%d missing bars),"
            + " dropped rows %d, zero-volume bars %d%n",
        symbol,
        r.files().size(),
        r.files().size() == 1 ? "" : "s",
        r.rowsRead(),
        r.barsKept(),
        r.firstOpenTime().map(Instant::toString).orElse("-"),
        r.lastOpenTime().map(Instant::toString).orElse("-"),
        r.gaps().size(),
        r.missingBars(),
        r.problems().size(),
        r.zeroVolumeBars().size());
    if (fifteen.isPresent()) {
      ValidationReport c = fifteen.get().report();
      stdout.printf(
          "   15m context: supplied, %d file%s, %d bars, %d applied; gaps %d, dropped rows %d%n",
          c.files().size(),
          c.files().size() == 1 ? "" : "s",
          c.barsKept(),
          run.contextBarCount(),
          c.gaps().size(),
          c.problems().size());
    } else {
      stdout.printf("   15m context: derived from 5m, %d bars%n", run.contextBarCount());
    }
    stdout.printf(
        "   tick size %s (%s)%n",
        EventCsvWriter.price(tick),
        tickSize != null ? "given" : "inferred from the price decimals");
    stdout.printf("   events: %s%n", describe(counts, run.events()));
    stdout.printf(
        "   time: read %d ms, engine %d ms (%d ns per 5m bar), write %d ms; out %s%n",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t2 - t1) / bars.size(),
        (t3 - t2) / 1_000_000,
        dir);
    totalBars += bars.size();
    return counts;
  }

  /**
   * Reads the files of one symbol as one series, after checking each file's own timeframe (so a 15m
   * file mixed into 5m inputs is named, not read as 5m rows with gaps and duplicates).
   */
  private ValidatedCandles readSeries(
      List<Path> files, Timeframe expected, String what, String hint) {
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
        raw, expected, strict ? ValidationMode.STRICT : ValidationMode.LENIENT);
  }

  private static String describe(
      Map<StrategyEventKind, Integer> counts, List<StrategyEvent> events) {
    int armed = 0;
    int tapped = 0;
    int dead = 0;
    int longs = 0;
    int shorts = 0;
    for (StrategyEvent e : events) {
      switch (e) {
        case PoiArmedEvent a -> armed++;
        case PoiTappedEvent t -> tapped++;
        case PoiDeadEvent d -> dead++;
        case EntrySignal s -> {
          if (s.side() == Side.LONG) {
            longs++;
          } else {
            shorts++;
          }
        }
        default -> {}
      }
    }
    StringBuilder sb = new StringBuilder();
    for (StrategyEventKind kind : StrategyEventKind.values()) {
      sb.append(sb.isEmpty() ? "" : ", ").append(label(kind)).append(' ').append(counts.get(kind));
      if (kind == StrategyEventKind.POI) {
        sb.append(" (armed ")
            .append(armed)
            .append(", tapped ")
            .append(tapped)
            .append(", dead ")
            .append(dead)
            .append(')');
      } else if (kind == StrategyEventKind.ENTRY_SIGNAL) {
        sb.append(" (long ").append(longs).append(", short ").append(shorts).append(')');
      }
    }
    return sb.toString();
  }

  private static String label(StrategyEventKind kind) {
    String file = EventCsvWriter.fileName(kind);
    return file.substring(0, file.length() - ".csv".length());
  }
}
