package org.smc4j.live.scan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.DispatchReport;
import org.smc4j.live.alert.SignalAlert;
import org.smc4j.live.alert.SinkOutcome;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.plan.Sizing;
import org.smc4j.trading.plan.TradePlan;

/**
 * Publishes each new signal once: prints its line, appends it to the JSON-lines file (flushed),
 * writes it to the journal (flushed), then hands it to every alert sink. A signal whose stable key
 * was already published (in this process, or by an earlier {@code scan} run of the same journal) is
 * skipped, so a restart that replays the same candles alerts nothing twice.
 *
 * <p>Order and failure: the file and journal are written before any alert is sent, so a signal is
 * never alerted without a record; a crash between the two can at worst repeat the record and alert
 * after the restart (at least once, never lost). Alerts go through an asynchronous {@link
 * AlertDispatcher} (one queue and thread per sink: a slow webhook never delays the scan); their
 * failures are logged without stopping the scan; {@link #close()} waits for pending alerts,
 * bounded.
 */
public final class SignalPublisher implements SignalHandler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalPublisher.class);

  private final PrintWriter out;
  private final BufferedWriter jsonLines;
  private final Journal journal;
  private final Set<String> published;
  private final AlertDispatcher alerts;
  private final ExecutorService renderThreads;
  private final List<CompletableFuture<Void>> pendingAlerts = new ArrayList<>();
  private final Optional<SignalChartRenderer> charts;
  private final InstantSource clock;
  private final AtomicLong sequence = new AtomicLong();
  private final List<ScanSignal> publishedThisRun = new ArrayList<>();

  /**
   * Creates the publisher.
   *
   * @param out where signal lines are printed
   * @param signalsFile the JSON-lines file (created or appended to)
   * @param journal the journal (not closed here)
   * @param alreadyPublished keys published by earlier runs
   * @param alerts the alert dispatcher over the configured sinks (closed here)
   * @param charts the renderer of the setup chart alerts carry; empty for alerts without chart
   * @param clock the wall clock, for the {@code detectedAt} field
   * @throws UncheckedIOException when the signals file cannot be opened
   */
  public SignalPublisher(
      PrintWriter out,
      Path signalsFile,
      Journal journal,
      Set<String> alreadyPublished,
      AlertDispatcher alerts,
      Optional<SignalChartRenderer> charts,
      InstantSource clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.published = new HashSet<>(alreadyPublished);
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.charts = Objects.requireNonNull(charts, "charts");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      Path parent = signalsFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.jsonLines =
          Files.newBufferedWriter(
              signalsFile,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open signals file " + signalsFile + ": " + e, e);
    }
    this.renderThreads =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "alert-chart");
              t.setDaemon(true);
              return t;
            });
    if (charts.isPresent() && !alerts.sinkNames().isEmpty()) {
      // Fonts, Java2D and the PNG encoder load in about a second on first use; do it now, not
      // while the first signal's alert waits.
      renderThreads.execute(charts.get()::warmUp);
    }
  }

  @Override
  public synchronized void onSignal(ScanSignal s) {
    if (!published.add(s.key())) {
      log.info("{}: already published, not repeated", s.key());
      return;
    }
    String line = SignalText.line(s);
    out.println(line);
    out.flush();
    log.info("{}", line);
    try {
      jsonLines.write(SignalText.json(s, clock.instant()));
      jsonLines.newLine();
      jsonLines.flush();
    } catch (IOException e) {
      log.error("{}: cannot append to the signals file: {}", s.key(), e.toString());
    }
    journal.recordSignal(record(sequence.incrementAndGet(), s));
    journal.flush();
    publishedThisRun.add(s);
    if (!alerts.sinkNames().isEmpty()) {
      String text = SignalText.alert(s);
      // Charts render in parallel (one per signal, shared by every sink); the dispatcher queues
      // the alert for each sink, whose own thread posts it, so no webhook delays the scan.
      CompletableFuture<byte[]> png =
          charts.isPresent()
              ? CompletableFuture.supplyAsync(() -> chart(charts.get(), s), renderThreads)
              : CompletableFuture.completedFuture(new byte[0]);
      pendingAlerts.removeIf(CompletableFuture::isDone);
      pendingAlerts.add(
          png.thenCompose(bytes -> alerts.dispatch(new SignalAlert(s.symbol(), text, bytes)))
              .thenAccept(report -> logOutcomes(s, report)));
    }
  }

  /** Returns the signals published by this process, in order. */
  public synchronized List<ScanSignal> publishedThisRun() {
    return List.copyOf(publishedThisRun);
  }

  private static byte[] chart(SignalChartRenderer renderer, ScanSignal s) {
    try {
      return renderer.renderPng(s.symbol(), s.signal(), s.candles());
    } catch (RuntimeException e) {
      log.warn("{}: chart not rendered, alert sent without it: {}", s.key(), e.toString());
      return new byte[0];
    }
  }

  private static void logOutcomes(ScanSignal s, DispatchReport report) {
    for (SinkOutcome outcome : report.outcomes()) {
      if (outcome.delivered()) {
        log.info("{}: alert delivered to {}", s.key(), outcome.sink());
      } else {
        log.error(
            "{}: alert to {} {}: {}",
            s.key(),
            outcome.sink(),
            outcome.status().name().toLowerCase(Locale.ROOT),
            outcome.detail());
      }
    }
  }

  static SignalRecord record(long id, ScanSignal s) {
    TradePlan p = s.plan();
    OptionalDouble contracts = OptionalDouble.empty();
    OptionalDouble risk = OptionalDouble.empty();
    SignalStatus status = SignalStatus.TAKEN;
    Optional<SkipReason> reason = Optional.empty();
    switch (s.sizing()) {
      case Sizing.Sized z -> {
        contracts = OptionalDouble.of(z.contracts());
        risk = OptionalDouble.of(z.plannedRisk());
      }
      case Sizing.Refused r -> {
        status = SignalStatus.SKIPPED;
        reason = Optional.of(SkipReason.SizeRefused.of(r.reason(), r.message()));
      }
    }
    return new SignalRecord(
        id,
        p.symbol(),
        p.signalTime(),
        p.side(),
        p.entryKind(),
        p.entry(),
        p.stop(),
        p.target(),
        p.secondTarget(),
        contracts,
        risk,
        p.details(),
        status,
        reason);
  }

  /**
   * Waits (up to 30 s) for the charts of pending alerts, lets the dispatcher drain its queues and
   * close the sinks, then closes the signals file.
   */
  @Override
  public void close() {
    List<CompletableFuture<Void>> pending;
    synchronized (this) {
      pending = List.copyOf(pendingAlerts);
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("alerts not all handed to the sinks before closing: {}", e.toString());
    }
    renderThreads.shutdownNow();
    alerts.close();
    synchronized (this) {
      try {
        jsonLines.close();
      } catch (IOException e) {
        log.error("cannot close the signals file: {}", e.toString());
      }
    }
  }
}
