package org.smc4j.cli.scan;

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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.backtest.journal.Journal;
import org.smc4j.backtest.journal.SignalRecord;
import org.smc4j.backtest.journal.SignalStatus;
import org.smc4j.backtest.replay.Sizing;
import org.smc4j.backtest.replay.TradePlan;
import org.smc4j.backtest.report.SetupChart;
import org.smc4j.backtest.report.SetupChartRenderer;
import org.smc4j.cli.alert.AlertDeliveryException;
import org.smc4j.cli.alert.AlertSink;
import org.smc4j.cli.alert.SignalAlert;

/**
 * Publishes each new signal once: prints its line, appends it to the JSON-lines file (flushed),
 * writes it to the journal (flushed), then hands it to every alert sink. A signal whose stable key
 * was already published (in this process, or by an earlier {@code scan} run of the same journal) is
 * skipped, so a restart that replays the same candles alerts nothing twice.
 *
 * <p>Order and failure: the file and journal are written before any alert is sent, so a signal is
 * never alerted without a record; a crash between the two can at worst repeat the record and alert
 * after the restart (at least once, never lost). Alerts run on one thread per sink (a slow webhook
 * never delays the scan) and their failures are logged without stopping the scan; {@link #close()}
 * waits for pending alerts, bounded.
 */
final class SignalPublisher implements SignalHandler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalPublisher.class);

  private final PrintWriter out;
  private final BufferedWriter jsonLines;
  private final Journal journal;
  private final Set<String> published;
  private final List<AlertSink> sinks;
  private final List<ExecutorService> alertThreads = new ArrayList<>();
  private final ExecutorService renderThreads;
  private final boolean charts;
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
   * @param sinks the alert sinks (closed here)
   * @param charts whether alerts carry the setup chart
   * @param clock the wall clock, for the {@code detectedAt} field
   * @throws UncheckedIOException when the signals file cannot be opened
   */
  SignalPublisher(
      PrintWriter out,
      Path signalsFile,
      Journal journal,
      Set<String> alreadyPublished,
      List<AlertSink> sinks,
      boolean charts,
      InstantSource clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.published = new HashSet<>(alreadyPublished);
    this.sinks = List.copyOf(sinks);
    this.charts = charts;
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
    for (AlertSink sink : this.sinks) {
      alertThreads.add(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "alert-" + sink.name());
                t.setDaemon(true);
                return t;
              }));
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
    if (!sinks.isEmpty()) {
      String text = SignalText.alert(s);
      // Charts render in parallel (one per signal, shared by every sink); each sink posts its
      // alerts in signal order on its own thread.
      CompletableFuture<byte[]> png =
          charts
              ? CompletableFuture.supplyAsync(() -> chart(s), renderThreads)
              : CompletableFuture.completedFuture(new byte[0]);
      for (int k = 0; k < sinks.size(); k++) {
        AlertSink sink = sinks.get(k);
        alertThreads.get(k).execute(() -> deliver(sink, s, text, png.join()));
      }
    }
  }

  /** Returns the signals published by this process, in order. */
  synchronized List<ScanSignal> publishedThisRun() {
    return List.copyOf(publishedThisRun);
  }

  private static byte[] chart(ScanSignal s) {
    try {
      return SetupChartRenderer.DEFAULT.renderPng(
          SetupChart.ofSignal(s.symbol(), s.signal(), s.candles()));
    } catch (RuntimeException e) {
      log.warn("{}: chart not rendered, alert sent without it: {}", s.key(), e.toString());
      return new byte[0];
    }
  }

  private void deliver(AlertSink sink, ScanSignal s, String text, byte[] png) {
    try {
      sink.send(new SignalAlert(s.symbol(), text, png));
      log.info("{}: alert delivered to {}", s.key(), sink.name());
    } catch (AlertDeliveryException e) {
      log.error("{}: alert to {} failed: {}", s.key(), sink.name(), e.getMessage());
    } catch (RuntimeException e) {
      log.error("{}: alert to {} failed: {}", s.key(), sink.name(), e.toString());
    }
  }

  static SignalRecord record(long id, ScanSignal s) {
    TradePlan p = s.plan();
    OptionalDouble contracts = OptionalDouble.empty();
    OptionalDouble risk = OptionalDouble.empty();
    SignalStatus status = SignalStatus.TAKEN;
    Optional<String> reason = Optional.empty();
    switch (s.sizing()) {
      case Sizing.Sized z -> {
        contracts = OptionalDouble.of(z.contracts());
        risk = OptionalDouble.of(z.plannedRisk());
      }
      case Sizing.Refused r -> {
        status = SignalStatus.SKIPPED;
        reason = Optional.of(r.reason());
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

  /** Waits (up to 30 s) for pending alerts, then closes the signals file and the sinks. */
  @Override
  public void close() {
    for (ExecutorService t : alertThreads) {
      t.shutdown();
    }
    try {
      for (ExecutorService t : alertThreads) {
        if (!t.awaitTermination(30, TimeUnit.SECONDS)) {
          log.warn("alerts still pending after 30 s are dropped");
          t.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    renderThreads.shutdown();
    for (AlertSink sink : sinks) {
      sink.close();
    }
    synchronized (this) {
      try {
        jsonLines.close();
      } catch (IOException e) {
        log.error("cannot close the signals file: {}", e.toString());
      }
    }
  }
}
