package org.smc4j.live.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans each alert out to every configured {@link AlertSink}, so the scan loop has one call that
 * never throws because of a sink: a sink that fails (or throws anything unchecked) is logged at
 * {@code warn}, counted and reported, and the other sinks still get the alert.
 *
 * <p>Two modes:
 *
 * <ul>
 *   <li>{@link #synchronous}: {@link #dispatch} sends to each sink in turn on the caller's thread
 *       and returns a completed future.
 *   <li>{@link #asynchronous}: each sink has its own bounded queue and sender thread, so {@link
 *       #dispatch} only enqueues and returns at once, and a slow or retrying sink delays neither
 *       the scan loop nor the other sinks. When a sink's queue is full the alert is dropped for
 *       that sink (logged, counted, reported) rather than block the caller.
 * </ul>
 *
 * <p>{@link #close} stops accepting alerts, lets the senders drain what is queued (up to the drain
 * timeout; what is left after it is interrupted or dropped, and reported so), then closes the
 * sinks. The dispatcher owns its sinks.
 */
public final class AlertDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
  private static final long POLL_MILLIS = 50;

  private final List<AlertSink> sinks;
  private final List<Lane> lanes;
  private final Duration drainTimeout;
  private final boolean asynchronous;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong alerts = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();

  private AlertDispatcher(List<? extends AlertSink> sinks, int queueCapacity, Duration drain) {
    Objects.requireNonNull(sinks, "sinks");
    for (int k = 0; k < sinks.size(); k++) {
      Objects.requireNonNull(sinks.get(k), "sinks[" + k + "]");
    }
    this.sinks = List.copyOf(sinks);
    this.drainTimeout = drain;
    this.asynchronous = queueCapacity > 0;
    if (queueCapacity == 0) {
      this.lanes = List.of();
    } else {
      List<Lane> l = new ArrayList<>();
      for (AlertSink sink : this.sinks) {
        l.add(new Lane(sink, queueCapacity));
      }
      this.lanes = List.copyOf(l);
      lanes.forEach(Lane::start);
    }
  }

  /**
   * A dispatcher that sends on the caller's thread.
   *
   * @param sinks the sinks, in the order they are sent to; may be empty
   * @return the dispatcher
   */
  public static AlertDispatcher synchronous(List<? extends AlertSink> sinks) {
    return new AlertDispatcher(sinks, 0, Duration.ZERO);
  }

  /**
   * A dispatcher with one bounded queue and one sender thread (a daemon) per sink.
   *
   * @param sinks the sinks; may be empty
   * @param queueCapacity alerts each sink's queue holds before dropping; 1 to 10000
   * @param drainTimeout how long {@link #close} waits for the queues to drain; zero or positive
   * @return the dispatcher, its sender threads started
   */
  public static AlertDispatcher asynchronous(
      List<? extends AlertSink> sinks, int queueCapacity, Duration drainTimeout) {
    if (queueCapacity < 1 || queueCapacity > 10_000) {
      throw new IllegalArgumentException("queueCapacity must be in 1..10000, was " + queueCapacity);
    }
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drainTimeout must be >= 0, was " + drainTimeout);
    }
    return new AlertDispatcher(sinks, queueCapacity, drainTimeout);
  }

  /**
   * Whether {@link #dispatch} only enqueues.
   *
   * @return {@code true} for an {@link #asynchronous} dispatcher
   */
  public boolean isAsynchronous() {
    return asynchronous;
  }

  /**
   * The names of the sinks, in order.
   *
   * @return the names
   */
  public List<String> sinkNames() {
    return sinks.stream().map(AlertSink::name).toList();
  }

  /**
   * Sends the alert to every sink (or queues it for each, when asynchronous). Never throws because
   * of a sink; after {@link #close} the alert is dropped for every sink.
   *
   * @param alert the alert
   * @return the report, completed when every sink has finished with the alert: already complete for
   *     a synchronous dispatcher; never completed exceptionally
   */
  public CompletableFuture<DispatchReport> dispatch(SignalAlert alert) {
    return dispatch(alert, sinkNames());
  }

  /**
   * Sends the alert to the named sinks only (or queues it for each), e.g. to retry the sinks that
   * failed an earlier dispatch of the same alert. Names of no configured sink are ignored.
   *
   * @param alert the alert
   * @param sinkNames the sinks to send to, by {@link AlertSink#name()}
   * @return the report over the named sinks, as {@link #dispatch(SignalAlert)}
   */
  public CompletableFuture<DispatchReport> dispatch(
      SignalAlert alert, Collection<String> sinkNames) {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(sinkNames, "sinkNames");
    alerts.incrementAndGet();
    List<CompletableFuture<SinkOutcome>> outcomes = new ArrayList<>(sinks.size());
    for (int i = 0; i < sinks.size(); i++) {
      AlertSink sink = sinks.get(i);
      if (!sinkNames.contains(sink.name())) {
        continue;
      }
      if (closed.get()) {
        outcomes.add(CompletableFuture.completedFuture(drop(sink, alert, "dispatcher is closed")));
      } else if (!asynchronous) {
        outcomes.add(CompletableFuture.completedFuture(deliver(sink, alert)));
      } else {
        outcomes.add(lanes.get(i).enqueue(alert));
      }
    }
    return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored ->
                new DispatchReport(
                    alert.symbol(), outcomes.stream().map(CompletableFuture::join).toList()));
  }

  /**
   * The running totals.
   *
   * @return a snapshot of the counters (each read atomically, not all together)
   */
  public DispatchStats stats() {
    return new DispatchStats(
        alerts.get(), delivered.get(), failed.get(), dropped.get(), Math.max(0, pending.get()));
  }

  /**
   * Stops accepting alerts, drains the queues (waiting up to the drain timeout in all), then closes
   * every sink. Alerts still queued after the timeout are dropped and the senders interrupted.
   * Idempotent; never throws because of a sink.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    for (Lane lane : lanes) {
      lane.awaitDrained(deadline);
    }
    for (Lane lane : lanes) {
      lane.abandon();
    }
    for (AlertSink sink : sinks) {
      try {
        sink.close();
      } catch (RuntimeException e) {
        log.warn("alert sink {} failed to close: {}", sink.name(), String.valueOf(e.getMessage()));
      }
    }
    DispatchStats s = stats();
    log.debug(
        "alert dispatcher closed: {} alerts, {} delivered, {} failed, {} dropped",
        s.alerts(),
        s.delivered(),
        s.failed(),
        s.dropped());
  }

  private SinkOutcome deliver(AlertSink sink, SignalAlert alert) {
    String name = sink.name();
    try {
      sink.send(alert);
      delivered.incrementAndGet();
      return new SinkOutcome(name, SinkOutcome.Status.DELIVERED, "");
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      String detail =
          e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
      log.warn("alert {} not delivered by {}: {}", alert.symbol(), name, detail);
      log.debug("alert {} delivery failure at {}", alert.symbol(), name, e);
      return new SinkOutcome(name, SinkOutcome.Status.FAILED, detail);
    }
  }

  private SinkOutcome drop(AlertSink sink, SignalAlert alert, String why) {
    dropped.incrementAndGet();
    log.warn("alert {} dropped for {}: {}", alert.symbol(), sink.name(), why);
    return new SinkOutcome(sink.name(), SinkOutcome.Status.DROPPED, why);
  }

  private record Job(SignalAlert alert, CompletableFuture<SinkOutcome> outcome) {}

  /** One sink's queue and sender thread. */
  private final class Lane implements Runnable {

    private final AlertSink sink;
    private final int capacity;
    private final BlockingQueue<Job> queue;
    private final Thread thread;
    private volatile boolean abandoned;

    Lane(AlertSink sink, int capacity) {
      this.sink = sink;
      this.capacity = capacity;
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.thread = Thread.ofPlatform().daemon().name("smc4j-alert-" + sink.name()).unstarted(this);
    }

    void start() {
      thread.start();
    }

    CompletableFuture<SinkOutcome> enqueue(SignalAlert alert) {
      Job job = new Job(alert, new CompletableFuture<>());
      pending.incrementAndGet();
      if (!queue.offer(job)) {
        pending.decrementAndGet();
        return CompletableFuture.completedFuture(
            drop(sink, alert, "queue full (" + capacity + " alerts waiting)"));
      }
      // close() may have run between the closed check and the offer: never strand the job.
      if (abandoned && queue.remove(job)) {
        pending.decrementAndGet();
        job.outcome().complete(drop(sink, alert, "dispatcher is closed"));
      }
      return job.outcome();
    }

    @Override
    public void run() {
      while (!abandoned) {
        Job job;
        try {
          job = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          break;
        }
        if (job == null) {
          if (closed.get()) {
            break;
          }
          continue;
        }
        SinkOutcome outcome = deliver(sink, job.alert());
        pending.decrementAndGet();
        job.outcome().complete(outcome);
      }
    }

    void awaitDrained(long deadlineNanos) {
      long waitMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      try {
        thread.join(Math.max(1, waitMillis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void abandon() {
      abandoned = true;
      if (thread.isAlive()) {
        log.warn(
            "alert sink {} still sending after the drain timeout {}; interrupting it",
            sink.name(),
            drainTimeout);
        thread.interrupt();
        try {
          thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Job left;
      while ((left = queue.poll()) != null) {
        pending.decrementAndGet();
        left.outcome().complete(drop(sink, left.alert(), "dispatcher closed before it was sent"));
      }
    }
  }
}
