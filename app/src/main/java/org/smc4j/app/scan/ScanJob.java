package org.smc4j.app.scan;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.LoopConfig;
import org.smc4j.live.scan.OkxScanMarket;
import org.smc4j.live.scan.PublishedSignals;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.SignalPublisher;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxRateLimiter;
import org.smc4j.marketdata.okx.OkxUnreachableException;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.plan.PlanSizer;

/**
 * {@code scan}: the live OKX scanner ({@link ScanLoop}) with its journal, JSON-lines file and
 * alerts, one cycle ({@link ScanRequest#once()}) or until stopped.
 *
 * <p>First contact: before the first cycle OKX is asked for its swap instruments (which the cycle
 * needs anyway, and caches). When OKX cannot be reached at all, one cycle returns {@link
 * ScanOutcome.Status#UNREACHABLE} with the host, the error and the hint; the loop prints one status
 * line per attempt and tries again after {@link #CONTACT_RETRY} until OKX answers or it is stopped.
 * Other failures (a symbol, a 5xx, a delivery) are reported per cycle and never stop the loop.
 */
public final class ScanJob {

  /** How long the loop waits before trying an unreachable OKX again. */
  public static final Duration CONTACT_RETRY = Duration.ofSeconds(30);

  /** The job on the system clock's sleeps. */
  public static final ScanJob DEFAULT = new ScanJob(Sleeper.SYSTEM, CONTACT_RETRY);

  private static final Logger log = LoggerFactory.getLogger(ScanJob.class);

  /** Alerts each sink may have queued; far above any cycle's signal count. */
  private static final int ALERT_QUEUE = 1000;

  /** How long a cycle waits for its alerts before counting the deliveries still pending. */
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

  private final Sleeper sleeper;
  private final Duration contactRetry;

  /**
   * Creates the job.
   *
   * @param sleeper waits between the loop's cycles and first-contact attempts
   * @param contactRetry the wait before trying an unreachable OKX again
   */
  public ScanJob(Sleeper sleeper, Duration contactRetry) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.contactRetry = Objects.requireNonNull(contactRetry, "contactRetry");
  }

  /**
   * Runs the scan until it is done ({@code once}) or the process is asked to stop (Ctrl-C,
   * SIGTERM): a shutdown hook stops the loop and waits until the journal, the JSON-lines file and
   * the alert sinks are closed.
   *
   * @param request what to run
   * @param out where signal, cycle and status lines go
   * @return how it ended
   * @throws MarketDataException when OKX answers but the scan cannot be set up
   * @throws org.smc4j.trading.journal.JournalException when the journal cannot be opened
   */
  public ScanOutcome run(ScanRequest request, PrintWriter out) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread main = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    // Ctrl-C (SIGINT) or SIGTERM: stop the loop, let it close the journal, signals file and alert
    // sinks, and only then let the JVM go. Waiting on a latch, not on the main thread, because the
    // main thread ends in System.exit, which blocks while hooks run.
    Thread hook =
        new Thread(
            () -> {
              if (finished.getCount() == 0) {
                return;
              }
              log.info("stop requested; finishing the current step and closing the journal");
              stop.set(true);
              main.interrupt();
              try {
                if (!finished.await(40, TimeUnit.SECONDS)) {
                  log.error("scan did not stop within 40 s");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "scan-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run(request, out, stop::get);
    } finally {
      finished.countDown();
      if (!stop.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down; the hook is running or done.
        }
      }
    }
  }

  /**
   * Runs the scan until it is done ({@code once}), {@code stop} says so or the thread is
   * interrupted.
   *
   * @param request what to run
   * @param out where signal, cycle and status lines go
   * @param stop polled between cycles and first-contact attempts
   * @return how it ended
   */
  public ScanOutcome run(ScanRequest request, PrintWriter out, BooleanSupplier stop) {
    Smc4jConfig config = request.config();
    InstantSource clock = request.clock();
    LoopConfig loopConfig = config.scan();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            loopConfig.fetchThreads(),
            r -> {
              Thread t = new Thread(r, "scan-fetch");
              t.setDaemon(true);
              return t;
            });
    try (OkxMarketData okx =
        OkxMarketData.create(
            config.okx().toSettings(clock, sleeper, OkxRateLimiter.shared(), System.nanoTime()))) {
      Optional<String> unreachable = contact(okx, request.once(), out, stop);
      if (stop.getAsBoolean()) {
        return ScanOutcome.ok();
      }
      if (unreachable.isPresent()) {
        return new ScanOutcome(ScanOutcome.Status.UNREACHABLE, 0, unreachable.get());
      }
      return scan(request, okx, pool, out, stop);
    } catch (InterruptedException e) {
      log.info("scan stopped");
      out.println("scan stopped");
      return ScanOutcome.ok();
    } finally {
      pool.shutdownNow();
      out.flush();
    }
  }

  /**
   * Asks OKX for its swap instruments until it answers or the loop is stopped; for one cycle, asks
   * once.
   *
   * @return the unreachable message of a single cycle; empty when OKX answered or the loop stopped
   */
  private Optional<String> contact(
      OkxMarketData okx, boolean once, PrintWriter out, BooleanSupplier stop)
      throws InterruptedException {
    while (!stop.getAsBoolean()) {
      try {
        okx.swapInstruments();
        return Optional.empty();
      } catch (OkxUnreachableException e) {
        log.debug("first contact with OKX failed", e);
        if (once) {
          log.error("{}", e.getMessage());
          return Optional.of(e.getMessage());
        }
        String line =
            "OKX unreachable at "
                + e.host()
                + ": "
                + e.error()
                + "; retrying in "
                + contactRetry.toSeconds()
                + " s (pass --okx-url URL for another host, or --replay DIR to scan saved candles;"
                + " Ctrl-C stops)";
        log.warn("{}", line);
        out.println(line);
        out.flush();
        sleeper.sleep(contactRetry);
      } catch (MarketDataException e) {
        // OKX answered, if badly: the cycle reports it per symbol and retries it.
        log.warn("first contact with OKX: {}", e.getMessage());
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private ScanOutcome scan(
      ScanRequest request,
      OkxMarketData okx,
      ExecutorService pool,
      PrintWriter out,
      BooleanSupplier stop)
      throws InterruptedException {
    Smc4jConfig config = request.config();
    InstantSource clock = request.clock();
    LoopConfig loopConfig = config.scan();
    Set<String> earlier = PublishedSignals.keys(config.output().journal());
    Map<String, Long> resume = PublishedSignals.lastProcessedCloses(config.output().journal());
    try (ScanMarket market = new OkxScanMarket(okx, loopConfig.symbols());
        Journal journal =
            SqliteJournal.open(
                config.output().journal(),
                PublishedSignals.LIVE_RUN + " " + (request.once() ? "--once" : "loop"));
        SignalPublisher publisher =
            new SignalPublisher(
                out,
                config.output().signals(),
                journal,
                earlier,
                AlertDispatcher.asynchronous(request.sinks(), ALERT_QUEUE, Duration.ofSeconds(30)),
                request.chart(),
                clock)) {
      ScanLoop loop =
          new ScanLoop(
              loopConfig,
              config.strategy(),
              new PlanSizer(config.risk().sizing()),
              ScanPipeline.pipeline(config, clock, publisher.decisionJournal()),
              ScanPipeline.paperBrokers(config),
              market,
              clock,
              sleeper,
              pool,
              publisher);
      loop.resumeAfter(resume);
      log.info(
          "scan starting: top {} from {}, journal {}, signals {}, alerts {}",
          loopConfig.topN(),
          config.okx().baseUrl(),
          config.output().journal(),
          config.output().signals(),
          request.sinks().stream().map(AlertSink::name).toList());
      if (request.once()) {
        long close = loop.latestClose();
        long wait = close + loopConfig.closeDelay().toMillis() - clock.millis();
        if (wait > 0) {
          sleeper.sleep(Duration.ofMillis(wait));
        }
        publisher.retryPending();
        CycleReport report = loop.cycle(close);
        publisher.checkpoint();
        int pending = publisher.pendingCount(DELIVERY_WAIT);
        summary(out, report, pending);
        int problems = report.failures().size() + pending;
        return problems == 0
            ? ScanOutcome.ok()
            : new ScanOutcome(ScanOutcome.Status.PROBLEMS, problems, "");
      }
      publisher.retryPending();
      loop.run(
          stop,
          report -> {
            publisher.checkpoint();
            publisher.retryPending();
            summary(out, report, publisher.pendingCount(DELIVERY_WAIT));
            progress(out, report, loopConfig, clock);
          });
      return ScanOutcome.ok();
    }
  }

  /** Says when the loop wakes up next, so that a waiting scanner is visibly alive. */
  private static void progress(
      PrintWriter out, CycleReport r, LoopConfig loopConfig, InstantSource clock) {
    long m5 = Timeframe.M5.millis();
    long nextClose =
        Math.max(r.closeTime().toEpochMilli() + m5, Math.floorDiv(clock.millis(), m5) * m5);
    out.println(
        "waiting: next cycle at "
            + Instant.ofEpochMilli(nextClose + loopConfig.closeDelay().toMillis())
            + " (Ctrl-C stops)");
    out.flush();
  }

  private static void summary(PrintWriter out, CycleReport r, int pendingDeliveries) {
    out.println(
        r.line() + (pendingDeliveries == 0 ? "" : ", pending deliveries: " + pendingDeliveries));
    out.flush();
  }
}
