package org.smc4j.live.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.DispatchReport;
import org.smc4j.live.alert.SignalAlert;
import org.smc4j.live.alert.SinkOutcome;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.Trade;

/**
 * Publishes each new signal exactly once, with the pipeline's decision (TAKEN, or SKIPPED with the
 * reason): prints its line, then records its pending deliveries (the {@link DeliveryOutbox}: the
 * JSON-lines file and every alert sink) in one transaction, then delivers them and marks each done.
 * A signal whose stable key was already published (in this process, or by an earlier {@code scan}
 * run of the same journal) is skipped, so a restart that replays the same candles alerts nothing
 * twice.
 *
 * <p>Crashes: a crash before the transaction leaves nothing (the signal is found again after the
 * restart); after it, the deliveries are pending and {@link #retryPending()} (called at start and
 * after every cycle) delivers them. Redelivery is idempotent for the JSON-lines file (a line whose
 * id is already in the file is not written again); an alert is marked done right after its sink
 * accepted it, so only a crash in that instant can repeat it. A delivery that fails stays pending
 * ({@link #pendingCount()}) and is retried on the next cycle and after a restart. Alerts go through
 * an asynchronous {@link AlertDispatcher} (one queue and thread per sink: a slow webhook never
 * delays the scan); {@link #close()} waits for pending alerts, bounded. Alerts redelivered after a
 * restart carry no chart (the candles are gone).
 */
public final class SignalPublisher implements SignalHandler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalPublisher.class);

  private final PrintWriter out;
  private final SignalsFile jsonLines;
  private final Journal journal;
  private final DeliveryOutbox outbox;
  private final Set<String> published;
  private final AlertDispatcher alerts;
  private final ExecutorService renderThreads;
  private final List<CompletableFuture<Void>> pendingAlerts = new ArrayList<>();
  private final Set<String> inFlight = new HashSet<>();
  private final Map<String, ScanSignal> signalsOfThisRun = new HashMap<>();
  private final Optional<SignalChartRenderer> charts;
  private final InstantSource clock;
  private final List<ScanSignal> publishedThisRun = new ArrayList<>();
  private final Map<String, Long> processed = new HashMap<>();
  private final Map<String, SignalRecord> decisions = new HashMap<>();

  /** How long a limit entry found late stays actionable: the backtest's default limit expiry. */
  static final Duration LIMIT_LIFETIME = Duration.ofHours(12);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Creates the publisher.
   *
   * @param out where signal lines are printed
   * @param signalsFile the JSON-lines file (created or appended to)
   * @param journal the journal (not closed here); over an SQLite journal the outbox is in its file
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
    this.outbox = DeliveryOutbox.over(journal);
    this.jsonLines = new SignalsFile(signalsFile);
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
  public synchronized boolean alreadyPublished(String key) {
    return published.contains(key);
  }

  @Override
  public synchronized void onSignal(ScanSignal s) {
    if (!published.add(s.key())) {
      decisions.remove(s.key());
      log.info("{}: already published, not repeated", s.key());
      return;
    }
    long age = clock.millis() - s.signal().knownAtTimeMillis();
    boolean late = age > Timeframe.M5.millis();
    String json = SignalText.json(s, clock.instant());
    if (late) {
      Optional<String> expired = expiry(s, age);
      if (expired.isPresent()) {
        journalDecision(s.key());
        outbox.expired(s.key(), s.symbol(), json, expired.get());
        log.warn("{}: found late, {}: journaled, not published", s.key(), expired.get());
        return;
      }
      json = lateJson(json, age);
    }
    String line = SignalText.line(s) + (late ? " | LATE by " + minutes(age) + " min" : "");
    out.println(line);
    out.flush();
    log.info("{}", line);
    List<String> targets = new ArrayList<>();
    targets.add(DeliveryOutbox.SIGNALS_FILE);
    targets.addAll(alerts.sinkNames());
    String alertText = alerts.sinkNames().isEmpty() ? "" : SignalText.alert(s);
    if (late && !alertText.isEmpty()) {
      alertText = "LATE: found " + minutes(age) + " min after the signal (restart)\n" + alertText;
    }
    journalDecision(s.key());
    outbox.record(s.key(), s.symbol(), json, alertText, targets);
    CrashPoint.reached("after-journal");
    publishedThisRun.add(s);
    signalsOfThisRun.put(s.key(), s);
    deliver(outbox.pending().stream().filter(d -> d.signalKey().equals(s.key())).toList());
  }

  /**
   * Why a signal found late (while catching up after a restart) is no longer actionable: a market
   * entry whose next open has passed, a limit entry older than the backtest's default limit expiry
   * ({@link #LIMIT_LIFETIME}), or one whose POI died or whose entry was traded by the candles since
   * ({@link ScanSignal#stale()}).
   */
  private static Optional<String> expiry(ScanSignal s, long age) {
    if (s.plan().entryKind() != EntryKind.LIMIT) {
      return Optional.of("market entry at the next open, " + minutes(age) + " min ago");
    }
    if (age >= LIMIT_LIFETIME.toMillis()) {
      return Optional.of(
          "limit entry " + minutes(age) + " min old, past the " + LIMIT_LIFETIME + " expiry");
    }
    return s.stale().map(StaleEntry::reason);
  }

  private static long minutes(long millis) {
    return Duration.ofMillis(millis).toMinutes();
  }

  private static String lateJson(String json, long age) {
    try {
      ObjectNode o = (ObjectNode) JSON.readTree(json);
      o.put("late", true);
      o.put("lateByMinutes", minutes(age));
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("signal JSON not readable back: " + e.getMessage(), e);
    }
  }

  /**
   * The journal the pipeline records its decisions in: trades and cancellations go straight to the
   * publisher's journal, but a signal's decision is held back until the signal is published, and
   * then committed in the same transaction as its pending deliveries. Otherwise a crash after one
   * signal's commit would also commit the decision of a signal not yet published, and a restart
   * would take that one for published and lose it.
   *
   * @return the journal to give the {@link org.smc4j.trading.pipeline.TradePipeline}
   */
  public Journal decisionJournal() {
    return new Journal() {
      @Override
      public void recordSignal(SignalRecord signal) {
        synchronized (SignalPublisher.this) {
          decisions.put(
              ScanSignal.keyOf(signal.symbol(), signal.side(), signal.signalTime()), signal);
        }
      }

      @Override
      public void recordCancel(OrderCancellation cancellation) {
        journal.recordCancel(cancellation);
      }

      @Override
      public void recordTrade(Trade trade) {
        journal.recordTrade(trade);
      }

      @Override
      public void flush() {
        journal.flush();
      }

      @Override
      public void close() {
        // the publisher's owner closes the journal
      }
    };
  }

  /** Hands the pipeline's held-back decision of a signal to the journal's buffer. */
  private void journalDecision(String key) {
    SignalRecord decision = decisions.remove(key);
    if (decision != null) {
      journal.recordSignal(decision);
    }
  }

  @Override
  public synchronized void onProcessed(String symbol, long closeMillis) {
    processed.merge(symbol, closeMillis, Math::max);
  }

  /** Saves each symbol's last processed close in the journal, for the catch-up after a restart. */
  public synchronized void checkpoint() {
    outbox.checkpoint(processed);
  }

  /**
   * Delivers every pending delivery not already under way: those of earlier cycles or runs that
   * failed or were cut off by a crash.
   */
  public synchronized void retryPending() {
    List<DeliveryOutbox.Delivery> pending = outbox.pending();
    if (!pending.isEmpty()) {
      log.info("retrying {} pending deliveries", pending.size());
    }
    deliver(pending);
  }

  /**
   * Waits (bounded) for the alerts under way, then counts the deliveries still pending.
   *
   * @param timeout how long to wait for alerts under way
   * @return the pending deliveries (failed, or still under way after the timeout)
   */
  public int pendingCount(Duration timeout) {
    List<CompletableFuture<Void>> under;
    synchronized (this) {
      under = List.copyOf(pendingAlerts);
    }
    try {
      CompletableFuture.allOf(under.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("alerts still under way after {}: {}", timeout, e.toString());
    }
    return outbox.pending().size();
  }

  private void deliver(List<DeliveryOutbox.Delivery> deliveries) {
    Map<String, List<DeliveryOutbox.Delivery>> alertsBySignal = new LinkedHashMap<>();
    for (DeliveryOutbox.Delivery d : deliveries) {
      if (d.target().equals(DeliveryOutbox.SIGNALS_FILE)) {
        appendLine(d);
      } else if (!alerts.sinkNames().contains(d.target())) {
        log.warn(
            "{}: alert to {} pending, but that sink is not configured in this run",
            d.signalKey(),
            d.target());
      } else if (inFlight.add(d.signalKey() + "\n" + d.target())) {
        alertsBySignal.computeIfAbsent(d.signalKey(), k -> new ArrayList<>()).add(d);
      }
    }
    alertsBySignal.forEach(this::sendAlert);
  }

  private void appendLine(DeliveryOutbox.Delivery d) {
    try {
      if (!jsonLines.append(d.signalKey(), d.jsonLine())) {
        log.info("{}: already in the signals file, not repeated", d.signalKey());
      }
      CrashPoint.reached("after-jsonl");
      outbox.done(d.signalKey(), d.target());
    } catch (IOException e) {
      log.error("{}: cannot append to the signals file: {}", d.signalKey(), e.toString());
      outbox.failed(d.signalKey(), d.target(), e.toString());
    }
  }

  private void sendAlert(String key, List<DeliveryOutbox.Delivery> deliveries) {
    DeliveryOutbox.Delivery first = deliveries.get(0);
    List<String> sinks = deliveries.stream().map(DeliveryOutbox.Delivery::target).toList();
    ScanSignal live = signalsOfThisRun.get(key);
    // Charts render in parallel (one per signal, shared by every sink); the dispatcher queues
    // the alert for each sink, whose own thread posts it, so no webhook delays the scan.
    CompletableFuture<byte[]> png =
        charts.isPresent() && live != null
            ? CompletableFuture.supplyAsync(() -> chart(charts.get(), live), renderThreads)
            : CompletableFuture.completedFuture(new byte[0]);
    pendingAlerts.removeIf(CompletableFuture::isDone);
    pendingAlerts.add(
        png.thenCompose(
                bytes ->
                    alerts.dispatch(
                        new SignalAlert(first.symbol(), first.alertText(), bytes), sinks))
            .thenAccept(report -> settle(key, report)));
  }

  private void settle(String key, DispatchReport report) {
    for (SinkOutcome outcome : report.outcomes()) {
      try {
        if (outcome.delivered()) {
          log.info("{}: alert delivered to {}", key, outcome.sink());
          outbox.done(key, outcome.sink());
          CrashPoint.reached("after-alert");
        } else {
          log.error(
              "{}: alert to {} {}: {} (stays pending, retried next cycle)",
              key,
              outcome.sink(),
              outcome.status().name().toLowerCase(Locale.ROOT),
              outcome.detail());
          outbox.failed(key, outcome.sink(), outcome.detail());
        }
      } catch (RuntimeException e) {
        log.error("{}: cannot record the alert to {}: {}", key, outcome.sink(), e.toString());
      } finally {
        synchronized (this) {
          inFlight.remove(key + "\n" + outcome.sink());
        }
      }
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
