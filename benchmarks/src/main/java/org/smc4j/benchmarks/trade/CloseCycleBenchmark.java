package org.smc4j.benchmarks.trade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.trade.ExchangeTrader;
import org.smc4j.benchmarks.BenchmarkData;
import org.smc4j.benchmarks.trade.CapturingHttpClient.Exchange;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.ReconciliationLoop;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.LoopConfig;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.SignalHandler;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.OrderTransition;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.pipeline.PipelineSettings;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.PlanSizer;

/**
 * One 5m close of 50 symbols, 5 of which signal, from the candle being available to every entry
 * acknowledged and protected on a fake OKX that answers every request after a set delay (50 ms by
 * default).
 *
 * <p>The path is the one {@code smc4j trade --mode demo} runs ({@code ExchangeTradeJob}), with the
 * default configuration: the {@link ScanLoop} (0.5 s after the close, 1,000 bars of warm-up, 8
 * fetch threads) fetches each symbol's newest candles and feeds its strategy engine; the loop's
 * pipeline (default sizing, no in-memory guards, decisions journaled in SQLite) decides each new
 * signal against the {@link ExchangeTrader}'s broker, the {@link OkxBroker} over a started {@code
 * OkxExecutor} (SQLite execution journal, OKX rate limits), against okx-fake's {@code
 * FakeOkxServer} on 127.0.0.1: write-ahead intent, market entry with the stop and target attached,
 * the order read until filled, the fills imported, the stop confirmed. The trader drives the
 * executor from one thread at a time, so the 5 entries follow each other. The periodic
 * reconciliation (between cycles in the bot) does not run, and the signals are not published (the
 * bot's {@code TradeLoop} hands them to its alert publisher, after the entry).
 *
 * <p>What is not the bot's own: the 50 symbols ({@code S01USDT} .. {@code S50USDT}) are the 9 real
 * 5m series of the shared data (Binance USDT-M and Bybit linear) cut at different bars and moved in
 * time, so that the symbols {@code S01} .. {@code S05} make a market-entry signal at the measured
 * close and the others none (checked beforehand on exactly the bars the loop will see); their
 * contract specs are the tick sizes inferred from the candles with contracts worth about $1 in lots
 * of 0.01, served by the fake as USDT swaps; the market answers candles from memory after the same
 * delay, instead of over HTTP (the HTTP candle path is measured by scanner-cli's scan-cycle
 * harness); the clock of the loop and the executor is moved so that the measured close is "now".
 *
 * <p>Each run builds a fresh fake, journals, executor and loop, runs a warm-up cycle for the
 * previous close (the backfill), pauses 1 s, then times the cycle of the measured close from the
 * moment the close is reached. Usage: {@code java -cp benchmarks.jar
 * org.smc4j.benchmarks.trade.CloseCycleBenchmark [--runs 5] [--delay-ms 50]}.
 */
public final class CloseCycleBenchmark {

  private static final long M5 = Timeframe.M5.millis();
  private static final long M15 = Timeframe.M15.millis();
  private static final int SYMBOLS = 50;
  private static final int SIGNALS = 5;
  private static final String ORDER_PATH = "/api/v5/trade/order";

  /** The 5m series the symbols are cut from, under the shared data folder. */
  private static final List<String> SERIES =
      List.of(
          "binance-usdm/BTCUSDT/5m",
          "binance-usdm/SOLUSDT/5m",
          "binance-usdm/1000PEPEUSDT/5m",
          "binance-usdm/NEARUSDT/5m",
          "bybit-linear/ETHUSDT/5m",
          "bybit-linear/BTCUSDT/5m",
          "bybit-linear/SOLUSDT/5m",
          "bybit-linear/XRPUSDT/5m",
          "bybit-linear/DOGEUSDT/5m");

  /**
   * One run's figures, in milliseconds after the candle close.
   *
   * @param cycleDone when the cycle returned
   * @param acknowledged each entry's place-order answer, in the order they were placed
   * @param protectedAt when the loop handed each signal over, its entry done and its stop confirmed
   * @param statuses each entry's journaled state then
   * @param requests each entry's requests to the exchange, from its intent to its return
   */
  public record Run(
      double cycleDone,
      double[] acknowledged,
      double[] protectedAt,
      List<TradeStatus> statuses,
      int[] requests) {

    /** Returns the latest protection, in ms after the close. */
    public double lastProtected() {
      return Arrays.stream(protectedAt).max().orElse(Double.NaN);
    }
  }

  /** One symbol of the scan: its spec and its candles, moved so the measured bar closes at C. */
  private record Symbol(String name, ContractSpec spec, BarArrays bars, double lastClose) {}

  private CloseCycleBenchmark() {}

  /**
   * Runs the benchmark and prints every run.
   *
   * @param args {@code --runs N} (default 5), {@code --delay-ms N} (default 50)
   * @throws IOException when the work folder cannot be written
   * @throws InterruptedException when interrupted
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = 5;
    int delayMs = 50;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      int value = Integer.parseInt(args[++i]);
      switch (option) {
        case "--runs" -> runs = value;
        case "--delay-ms" -> delayMs = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option " + option + " (known: --runs, --delay-ms)");
      }
    }
    run(runs, Duration.ofMillis(delayMs), System.out);
  }

  /**
   * Prepares the symbols and runs the measured close {@code runs} times.
   *
   * @param runs how many runs, {@code >= 1}
   * @param delay how long the fake exchange and the market take to answer each request
   * @param out receives every run
   * @return the runs
   * @throws IOException when the work folder cannot be written
   * @throws InterruptedException when interrupted
   * @throws IllegalStateException when a run does not enter and protect exactly the 5 signals
   */
  public static List<Run> run(int runs, Duration delay, PrintStream out)
      throws IOException, InterruptedException {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, was " + runs);
    }
    long close = Math.floorDiv(System.currentTimeMillis(), M5) * M5;
    int backfill = LoopConfig.DEFAULT.backfillBars();
    List<Symbol> symbols = symbols(close, backfill);
    out.printf(
        Locale.ROOT,
        "close cycle: %d symbols (%d signalling), answers after %d ms, close delay %d ms, %d fetch"
            + " threads; %d processors, JDK %s%n",
        SYMBOLS,
        SIGNALS,
        delay.toMillis(),
        LoopConfig.DEFAULT.closeDelay().toMillis(),
        LoopConfig.DEFAULT.fetchThreads(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    Path work = Files.createTempDirectory("smc4j-close-cycle");
    List<Run> results = new ArrayList<>();
    try {
      Path fixtures = fixtures(work.resolve("fixtures"), symbols);
      for (int r = 0; r < runs; r++) {
        Path runDir = Files.createDirectories(work.resolve("run-" + r));
        Run run = once(symbols, close, delay, fixtures, runDir);
        results.add(run);
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "run %d: cycle done +%.0f ms; entries acknowledged at",
                    r + 1,
                    run.cycleDone()));
        for (double a : run.acknowledged()) {
          line.append(String.format(Locale.ROOT, " +%.0f", a));
        }
        line.append(" ms; protected at");
        for (double p : run.protectedAt()) {
          line.append(String.format(Locale.ROOT, " +%.0f", p));
        }
        line.append(" ms; requests per entry");
        for (int q : run.requests()) {
          line.append(' ').append(q);
        }
        line.append(
            String.format(
                Locale.ROOT,
                "; last +%.0f ms, goal <= 2000 %s (load average %.2f)",
                run.lastProtected(),
                run.lastProtected() <= 2000 ? "met" : "NOT met",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.println(line);
      }
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return results;
  }

  private static Run once(
      List<Symbol> symbols, long close, Duration delay, Path fixtures, Path work)
      throws InterruptedException {
    Smc4jConfig config = Smc4jConfig.DEFAULT;
    AtomicLong offset = new AtomicLong(close - 60_000 - System.currentTimeMillis());
    InstantSource clock = () -> Instant.ofEpochMilli(System.currentTimeMillis() + offset.get());
    // generous: the start-up's requests and the two cycles' are all delayed
    try (FakeVenue venue =
            new FakeVenue(fixtures, work.resolve("bot.sqlite"), delay, 5000, 10, clock);
        SqliteJournal decisions = SqliteJournal.open(work.resolve("decisions.sqlite"), "bench")) {
      Map<String, ContractSpec> specs = new LinkedHashMap<>();
      Map<String, BarArrays> bars = new LinkedHashMap<>();
      for (Symbol s : symbols) {
        specs.put(s.name(), s.spec());
        bars.put(s.name(), s.bars());
        venue
            .server
            .exchange()
            .setLastPrice(s.spec().instrumentId(), BigDecimal.valueOf(s.lastClose()));
      }
      // as ExchangeTradeJob wires it: the trader gives every symbol's feed the OKX broker behind
      // its lock, and the loop's one pipeline, without in-memory guards (the executor enforces the
      // limits from its journal), decides each signal against it, its decisions in SQLite
      ExchangeTrader trader =
          new ExchangeTrader(
              new OkxBroker(venue.executor, config.trade().entryValidity()),
              venue.executor,
              new ReconciliationLoop(
                  venue.executor, config.trade().reconcile(), clock, Optional.empty()),
              config.backtest().limitExpiry(),
              "bench",
              new PrintWriter(Writer.nullWriter()));
      TradePipeline pipeline =
          new TradePipeline(
              new PipelineSettings(
                  config.risk().sizing(), Optional.empty(), config.risk().accountEquityUsd()),
              clock.withZone(ZoneOffset.UTC),
              decisions);
      // the loop hands a signal over once its symbol's candles are fed, its entry done
      Map<String, Long> handled = new LinkedHashMap<>();
      SignalHandler handler =
          s -> {
            long end = System.nanoTime();
            synchronized (handled) {
              handled.put(OkxBroker.instIdOf(s.symbol()), end);
            }
          };
      LoopConfig loopConfig = config.scan().withTopN(SYMBOLS);
      ExecutorService fetch = Executors.newFixedThreadPool(loopConfig.fetchThreads());
      try {
        ScanLoop loop =
            new ScanLoop(
                loopConfig,
                config.strategy(),
                new PlanSizer(config.risk().sizing()),
                pipeline,
                trader,
                new ShiftedCandleMarket(
                    symbols.stream().map(Symbol::name).toList(), specs, bars, clock, delay),
                clock,
                d -> Thread.sleep(d),
                fetch,
                handler);
        CycleReport warm = loop.cycle(close - M5);
        if (warm.signals() != 0 || !warm.failures().isEmpty() || !handled.isEmpty()) {
          throw new IllegalStateException("the warm-up cycle was not quiet: " + warm);
        }
        // the next close comes one second from now (in real life five minutes after the last)
        long at = System.currentTimeMillis() + 1000;
        offset.set(close - at);
        while (System.currentTimeMillis() < at) {
          Thread.sleep(1);
        }
        long t0 = System.nanoTime() - (System.currentTimeMillis() - at) * 1_000_000;
        // the executor's clock (the journal's times) reads the close at t0
        Instant t0Instant = Instant.ofEpochMilli(close);
        // as ScanLoop.run does: the cycle starts the close delay after the close
        Thread.sleep(loopConfig.closeDelay());
        CycleReport report = loop.cycle(close);
        long done = System.nanoTime();
        List<TradeRecord> trades = venue.journal.trades();
        if (report.signals() != SIGNALS
            || trades.size() != SIGNALS
            || !report.failures().isEmpty()) {
          throw new IllegalStateException(
              "expected "
                  + SIGNALS
                  + " signals and trades, got "
                  + report
                  + " and "
                  + trades.size()
                  + " trades; alerts "
                  + venue.alerts);
        }
        if (!delay.isZero() && venue.server.faults().pending() == 0) {
          throw new IllegalStateException("some requests were answered without the delay");
        }
        List<Exchange> exchanges = venue.http.exchanges();
        List<TradeRecord> ordered = new ArrayList<>(trades);
        ordered.sort((a, b) -> Long.compare(handled.get(a.instId()), handled.get(b.instId())));
        double[] acknowledged = new double[SIGNALS];
        double[] protectedAt = new double[SIGNALS];
        int[] requests = new int[SIGNALS];
        List<TradeStatus> statuses = new ArrayList<>();
        long previousEnd = t0;
        for (int i = 0; i < SIGNALS; i++) {
          TradeRecord t = ordered.get(i);
          if (t.status() != TradeStatus.OPEN_PROTECTED) {
            throw new IllegalStateException(
                t.instId()
                    + " ended "
                    + t.status()
                    + ": "
                    + t.reason()
                    + "; alerts "
                    + venue.alerts);
          }
          // the executor journals the order LIVE (or FILLED) as soon as the place answer is read
          Instant ack =
              venue.journal.ordersOf(t.tradeKey()).stream()
                  .filter(o -> o.role().equals("E"))
                  .flatMap(o -> venue.journal.orderTransitions(o.clOrdId()).stream())
                  .filter(x -> x.to() == OrderStatus.LIVE || x.to() == OrderStatus.FILLED)
                  .map(OrderTransition::at)
                  .min(Instant::compareTo)
                  .orElseThrow(
                      () -> new IllegalStateException(t.instId() + ": entry never acknowledged"));
          long end = handled.get(t.instId());
          acknowledged[i] = Duration.between(t0Instant, ack).toNanos() / 1e6;
          protectedAt[i] = (end - t0) / 1e6;
          long from = previousEnd;
          requests[i] =
              (int)
                  exchanges.stream()
                      .filter(x -> x.sentNanos() >= from && x.answeredNanos() <= end)
                      .count();
          previousEnd = end;
          statuses.add(t.status());
        }
        return new Run((done - t0) / 1e6, acknowledged, protectedAt, statuses, requests);
      } finally {
        fetch.shutdownNow();
      }
    }
  }

  /**
   * Builds the 50 symbols: symbol {@code i} is cut from series {@code i % 9}, at a bar chosen so
   * that the loop's view (1,000 bars of backfill up to the bar before, then the bar itself) gives
   * exactly one market-entry signal at that bar for the first five symbols and none for the others.
   */
  private static List<Symbol> symbols(long close, int backfill) {
    List<BarArrays> series = new ArrayList<>();
    for (String s : SERIES) {
      series.add(CandleCsvReader.LENIENT.read(BenchmarkData.csvFiles(s)).bars());
    }
    List<Symbol> out = new ArrayList<>();
    for (int i = 0; i < SYMBOLS; i++) {
      int k = i % SERIES.size();
      BarArrays b = series.get(k);
      String base = SERIES.get(k).split("/")[1].replace("USDT", "");
      String name = String.format(Locale.ROOT, "S%02dUSDT", i + 1);
      ContractSpec inferred = InferredContractSpec.from(base + "USDT", b);
      // OKX-like contracts: worth about $1 each, traded in lots of 0.01 (the fake fills market
      // orders to two decimals)
      double last = b.closeUnsafe()[b.size() - 1];
      BigDecimal lot = new BigDecimal("0.01");
      ContractSpec spec =
          new ContractSpec(
              String.format(Locale.ROOT, "S%02d-USDT-SWAP", i + 1),
              inferred.type(),
              inferred.settleCurrency(),
              BigDecimal.ONE.scaleByPowerOfTen(-(int) Math.round(Math.log10(last))),
              BigDecimal.ONE,
              inferred.contractValueCurrency(),
              inferred.tickSize(),
              lot,
              lot,
              inferred.maxLimitSize(),
              inferred.maxMarketSize(),
              inferred.state());
      boolean signalling = i < SIGNALS;
      // start the search at a different place for every symbol cut from the same series
      int start =
          backfill + 1 + (int) ((long) (i / SERIES.size()) * 2311 % (b.size() - backfill - 2));
      int bar = find(b, spec, close, backfill, start, signalling, name);
      long shift = close - b.closeTimeMillis(bar);
      int from = bar - backfill;
      int n = bar - from + 1;
      long[] t = new long[n];
      for (int j = 0; j < n; j++) {
        t[j] = b.openTimeMillisUnsafe()[from + j] + shift;
      }
      BarArrays moved =
          BarArrays.wrapUnsafe(
              Timeframe.M5,
              t,
              Arrays.copyOfRange(b.openUnsafe(), from, bar + 1),
              Arrays.copyOfRange(b.highUnsafe(), from, bar + 1),
              Arrays.copyOfRange(b.lowUnsafe(), from, bar + 1),
              Arrays.copyOfRange(b.closeUnsafe(), from, bar + 1),
              Arrays.copyOfRange(b.volumeUnsafe(), from, bar + 1));
      out.add(new Symbol(name, spec, moved, b.closeUnsafe()[bar]));
    }
    return out;
  }

  /** Finds the first bar from {@code start} (cyclically) that fits; its close is C mod 15m. */
  private static int find(
      BarArrays b,
      ContractSpec spec,
      long close,
      int backfill,
      int start,
      boolean signalling,
      String name) {
    int first = backfill + 1;
    int span = b.size() - first;
    for (int step = 0; step < span; step++) {
      int bar = first + (start - first + step) % span;
      // moving by whole 15m periods keeps the engine's derived 15m candles as they were
      if (Math.floorMod(close - b.closeTimeMillis(bar), M15) != 0) {
        continue;
      }
      List<EntrySignal> live = liveSignals(b, spec, bar - backfill, bar);
      if (signalling) {
        if (live.size() == 1
            && live.get(0).knownAtTimeMillis() == b.closeTimeMillis(bar)
            && EntrySignalAdapter.toPlan(name, live.get(0)).entryKind()
                == EntryKind.MARKET_NEXT_OPEN) {
          return bar;
        }
      } else if (live.isEmpty()) {
        return bar;
      }
    }
    throw new IllegalStateException(
        name + ": no bar fits (" + (signalling ? "one market signal" : "no signal") + ")");
  }

  /**
   * Runs a fresh engine over bars {@code from..to} as the scan's symbol feed does (POI and signal
   * events only) and returns the signals known at the closes of bars {@code to - 1} and {@code to}:
   * those the loop would hand over in the warm-up and the measured cycle.
   */
  private static List<EntrySignal> liveSignals(BarArrays b, ContractSpec spec, int from, int to) {
    List<EntrySignal> found = new ArrayList<>();
    StrategyEngine engine =
        new StrategyEngine(
            Smc4jConfig.DEFAULT.strategy(),
            spec.tickSize().doubleValue(),
            StrategyEventListener.only(
                java.util.EnumSet.of(StrategyEventKind.POI, StrategyEventKind.ENTRY_SIGNAL),
                event -> {
                  if (event instanceof EntrySignal s) {
                    found.add(s);
                  }
                }));
    // the 15m phase of the moved bars is that of the original ones: run on the original times
    for (int i = from; i <= to; i++) {
      engine.onBar(
          b.openTimeMillisUnsafe()[i],
          b.openUnsafe()[i],
          b.highUnsafe()[i],
          b.lowUnsafe()[i],
          b.closeUnsafe()[i],
          b.volumeUnsafe()[i]);
    }
    long live = b.closeTimeMillis(to - 1);
    return found.stream().filter(s -> s.knownAtTimeMillis() >= live).toList();
  }

  /**
   * Copies the shared okx-fixtures and adds the 50 symbols to the swap instruments the fake serves.
   */
  private static Path fixtures(Path dir, List<Symbol> symbols) throws IOException {
    Path shared = BenchmarkData.dataDir().getParent().resolve("okx-fixtures");
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(shared)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    Path file = dir.resolve("public-instruments-SWAP.json");
    ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
    ArrayNode data = (ArrayNode) root.path("data");
    JsonNode template = null;
    for (JsonNode n : data) {
      if (n.path("instId").asText().equals("BTC-USDT-SWAP")) {
        template = n;
      }
    }
    if (template == null) {
      throw new IllegalStateException("the fixtures list no BTC-USDT-SWAP to copy");
    }
    for (Symbol s : symbols) {
      OkxInstrument i = OkxInstrument.of(s.spec());
      ObjectNode n = template.deepCopy();
      String family = i.instId().replace("-SWAP", "");
      n.put("instId", i.instId());
      n.put("instFamily", family);
      n.put("uly", family);
      n.put("ctType", i.ctType());
      n.put("ctVal", i.ctVal().toPlainString());
      n.put("ctMult", i.ctMult().toPlainString());
      n.put("ctValCcy", i.ctValCcy());
      n.put("settleCcy", i.settleCcy());
      n.put("tickSz", i.tickSz().toPlainString());
      n.put("lotSz", i.lotSz().toPlainString());
      n.put("minSz", i.minSz().toPlainString());
      n.put("maxLmtSz", i.maxLmtSz().toPlainString());
      n.put("maxMktSz", i.maxMktSz().toPlainString());
      n.put("maxStopSz", i.maxMktSz().toPlainString());
      n.put("state", i.state());
      data.add(n);
    }
    mapper.writeValue(file.toFile(), root);
    return dir;
  }
}
