package org.smc4j.benchmarks.trade;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.benchmarks.BenchmarkData;
import org.smc4j.benchmarks.trade.CapturingHttpClient.Exchange;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.okx.fake.ReceivedRequest;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.order.CancelReason;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.pipeline.PipelineSettings;
import org.smc4j.trading.pipeline.TradeDecision;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.TradePlan;

/**
 * Signal to entry request sent, in process: one signal after the other enters the {@link
 * TradePipeline} (sizing and the default portfolio guards), goes to the {@code OkxBroker} and the
 * {@code OkxExecutor} (its checks against the SQLite execution journal, the write-ahead intent row
 * committed before the order leaves, the order built and signed), and is timed until the
 * place-order request is handed to the HTTP client ({@code send}), and until it arrives at
 * okx-fake's {@code FakeOkxServer} on 127.0.0.1 (the fake's arrival time, on the same clock).
 *
 * <p>Each signal is a post-only long entry on BTC-USDT-SWAP below the last price, so it rests; it
 * is cancelled after its measurement (its POI "dies") and its guard slot freed, so the next signal
 * finds the symbol free. Signals are paced (default every 60 ms) to stay inside OKX's rate limits,
 * which the client enforces: a signal waiting for a token would measure the limiter, not the path.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.smc4j.benchmarks.trade.SignalLatencyBenchmark
 * [--signals 500] [--warmup 200] [--pace-ms 60] [--journal-dir DIR]}; the journal goes to a new
 * temporary folder, or under {@code DIR} (e.g. a RAM disk, to see what the disk's sync costs).
 */
public final class SignalLatencyBenchmark {

  private static final String INST_ID = "BTC-USDT-SWAP";
  private static final String ORDER_PATH = "/api/v5/trade/order";

  /**
   * What was measured, in nanoseconds per signal, in signal order.
   *
   * @param toBroker signal into the pipeline to the pipeline's call of the broker (plan checks,
   *     sizing, guards)
   * @param toSend signal into the pipeline to the place-order request handed to the HTTP client
   * @param toArrival signal into the pipeline to the request's arrival at the fake
   * @param decided signal into the pipeline to the pipeline's answer (the executor's whole entry:
   *     place, answer, query of the resting order)
   */
  public record Report(long[] toBroker, long[] toSend, long[] toArrival, long[] decided) {}

  private SignalLatencyBenchmark() {}

  /**
   * Runs the benchmark and prints the percentiles.
   *
   * @param args the options (see the class documentation)
   * @throws IOException when the work folder cannot be created
   * @throws InterruptedException when interrupted while pacing
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int signals = 500;
    int warmup = 200;
    int paceMs = 60;
    Optional<Path> journalDir = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--signals" -> signals = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--pace-ms" -> paceMs = Integer.parseInt(value);
        case "--journal-dir" -> journalDir = Optional.of(Path.of(value));
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + option
                    + " (known: --signals, --warmup, --pace-ms, --journal-dir)");
      }
    }
    run(warmup, signals, Duration.ofMillis(paceMs), journalDir, System.out);
  }

  /**
   * Runs the benchmark.
   *
   * @param warmup signals run first and not measured, {@code >= 0}
   * @param signals measured signals, {@code >= 1}
   * @param pace the time between two signals' starts
   * @param journalDir where the journal's work folder is made, else the system's temporary folder
   * @param out receives the table
   * @return what was measured
   * @throws IOException when the work folder cannot be created
   * @throws InterruptedException when interrupted while pacing
   * @throws IllegalStateException when a signal is not taken or its entry not cancelled
   */
  public static Report run(
      int warmup, int signals, Duration pace, Optional<Path> journalDir, PrintStream out)
      throws IOException, InterruptedException {
    if (warmup < 0 || signals < 1) {
      throw new IllegalArgumentException(
          "warmup must be >= 0 and signals >= 1, were " + warmup + " and " + signals);
    }
    Path work =
        journalDir.isPresent()
            ? Files.createTempDirectory(journalDir.get(), "smc4j-signal-latency")
            : Files.createTempDirectory("smc4j-signal-latency");
    Path fixtures = BenchmarkData.dataDir().getParent().resolve("okx-fixtures");
    long[] toBroker = new long[signals];
    long[] toSend = new long[signals];
    long[] toArrival = new long[signals];
    long[] decided = new long[signals];
    try (FakeVenue venue =
        new FakeVenue(
            fixtures, work.resolve("bot.sqlite"), Duration.ZERO, 0, 5, InstantSource.system())) {
      venue.server.exchange().setLastPrice(INST_ID, new BigDecimal("70000"));
      OkxInstrument btc =
          venue.instruments.stream()
              .filter(i -> i.instId().equals(INST_ID))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("the fixtures list no " + INST_ID));
      ContractSpec spec = btc.toContractSpec();
      TradePipeline pipeline =
          new TradePipeline(
              new PipelineSettings(
                  SizingParameters.DEFAULT,
                  Optional.of(GuardLimits.DEFAULT),
                  new BigDecimal("1000")),
              Clock.systemUTC(),
              Journal.NONE);
      TimedBroker broker = new TimedBroker(venue.broker);
      long next = System.nanoTime();
      for (int i = 0; i < warmup + signals; i++) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        next = System.nanoTime() + pace.toNanos();
        String poi = "poi-" + i;
        TradePlan plan =
            new TradePlan(
                "bench-" + i,
                poi,
                "BTCUSDT",
                Side.LONG,
                EntryKind.LIMIT,
                69000,
                68500,
                70000,
                OptionalDouble.empty(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Optional.empty());
        venue.http.clear();
        int before = venue.server.requests("POST", ORDER_PATH).size();
        Instant startInstant = Instant.now();
        long start = System.nanoTime();
        TradeDecision decision = pipeline.onSignal(plan, spec, broker);
        long end = System.nanoTime();
        if (!(decision instanceof TradeDecision.Taken taken)) {
          throw new IllegalStateException("signal " + i + " was not taken: " + decision);
        }
        long sent =
            venue.http.exchanges().stream()
                .filter(e -> e.method().equals("POST") && e.path().equals(ORDER_PATH))
                .mapToLong(Exchange::sentNanos)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no place-order request was sent"));
        List<ReceivedRequest> orders = venue.server.requests("POST", ORDER_PATH);
        if (orders.size() != before + 1) {
          throw new IllegalStateException(
              "signal " + i + ": " + (orders.size() - before) + " place-order requests arrived");
        }
        Instant arrived = orders.getLast().serverTime();
        if (!venue.broker.cancelPendingForPoi(poi, Instant.now(), "benchmark: next signal")) {
          throw new IllegalStateException("signal " + i + ": its resting entry was not cancelled");
        }
        pipeline.onCancel(
            new OrderCancellation(taken.intent(), Instant.now(), CancelReason.POI_DIED, "bench"));
        if (i >= warmup) {
          toBroker[i - warmup] = broker.submitStart() - start;
          toSend[i - warmup] = sent - start;
          toArrival[i - warmup] = Duration.between(startInstant, arrived).toNanos();
          decided[i - warmup] = end - start;
        }
      }
      if (!venue.alerts.isEmpty()) {
        throw new IllegalStateException("the executor raised alerts: " + venue.alerts);
      }
    } finally {
      try (var files = Files.walk(work)) {
        for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    Report report = new Report(toBroker, toSend, toArrival, decided);
    out.printf(
        Locale.ROOT,
        "signal to entry request: %d signals (after %d warm-up) every %d ms, journal in %s; %d"
            + " processors, JDK %s, load average %.2f%n",
        signals,
        warmup,
        pace.toMillis(),
        journalDir.map(Path::toString).orElse("the temporary folder"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf(
        Locale.ROOT,
        "%-52s %9s %9s %9s %9s%n",
        "ms from the signal entering the pipeline",
        "p50",
        "p90",
        "p99",
        "max");
    line(out, "to the pipeline's call of OkxBroker.submit", toBroker);
    line(out, "to the place-order request handed to the HTTP client", toSend);
    line(out, "to its arrival at the fake OKX server", toArrival);
    line(out, "to the pipeline's decision (entry placed and read)", decided);
    return report;
  }

  private static void line(PrintStream out, String label, long[] nanos) {
    out.printf(
        Locale.ROOT,
        "%-52s %9.3f %9.3f %9.3f %9.3f%n",
        label,
        percentile(nanos, 50) / 1e6,
        percentile(nanos, 90) / 1e6,
        percentile(nanos, 99) / 1e6,
        percentile(nanos, 100) / 1e6);
  }

  /** Returns the nearest-rank percentile. */
  static long percentile(long[] values, double p) {
    long[] s = values.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }
}
