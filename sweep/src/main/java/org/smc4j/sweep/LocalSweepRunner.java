package org.smc4j.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The default runner: a fixed pool of threads (all cores by default) takes the tasks in order, at
 * most two per thread queued at once, each through {@link TaskExecutor}; the candles come through a
 * per-process {@link CandleCache}, so a symbol's consecutive tasks read it once. Tasks the sink
 * already holds are skipped (resume after a crash). A failed task is reported in the summary and
 * the others complete.
 */
public final class LocalSweepRunner implements SweepRunner {

  private final int threads;
  private final CandleSource candles;
  private final SweepProgress.Listener listener;
  private final LongSupplier nanoTime;
  private final FundingHistories funding;

  /**
   * Creates a runner.
   *
   * @param threads worker threads, {@code >= 1}
   * @param candles where candles come from (wrap it in a {@link CandleCache})
   * @param listener told after each finished task
   * @param nanoTime the clock for rates and ETA, e.g. {@code System::nanoTime}
   * @throws IllegalArgumentException when threads is below 1
   */
  public LocalSweepRunner(
      int threads, CandleSource candles, SweepProgress.Listener listener, LongSupplier nanoTime) {
    this(threads, candles, listener, nanoTime, FundingHistories.NONE);
  }

  /**
   * Creates a runner that charges funding histories.
   *
   * @param threads worker threads, {@code >= 1}
   * @param candles where candles come from (wrap it in a {@link CandleCache})
   * @param listener told after each finished task
   * @param nanoTime the clock for rates and ETA, e.g. {@code System::nanoTime}
   * @param funding the funding histories, {@link FundingHistories#NONE} for the constant rate
   * @throws IllegalArgumentException when threads is below 1
   */
  public LocalSweepRunner(
      int threads,
      CandleSource candles,
      SweepProgress.Listener listener,
      LongSupplier nanoTime,
      FundingHistories funding) {
    this.funding = Objects.requireNonNull(funding, "funding");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
    this.candles = Objects.requireNonNull(candles, "candles");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * A runner on all cores, candles cached for as many symbols as threads (at least 4).
   *
   * @param source the uncached candles
   * @param listener told after each finished task
   * @return the runner
   */
  public static LocalSweepRunner onAllCores(CandleSource source, SweepProgress.Listener listener) {
    int n = Runtime.getRuntime().availableProcessors();
    return new LocalSweepRunner(
        n, new CandleCache(source, Math.max(4, n)), listener, System::nanoTime);
  }

  @Override
  public SweepSummary run(SweepSpec spec, ResultSink sink) throws IOException {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(sink, "sink");
    long start = nanoTime.getAsLong();
    List<SweepTask> all = spec.tasks();
    Set<String> done = sink.finishedTaskIds();
    List<SweepTask> todo = all.stream().filter(t -> !done.contains(t.taskId())).toList();
    long combosTotal = todo.stream().mapToLong(SweepTask::combos).sum();
    TaskExecutor kernel = new TaskExecutor(spec, funding);
    AtomicLong tasksDone = new AtomicLong();
    AtomicLong combosDone = new AtomicLong();
    Object progressLock = new Object();
    Semaphore inFlight = new Semaphore(2 * threads);
    List<TaskFailure> failures = new ArrayList<>();
    List<Future<?>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (SweepTask task : todo) {
        inFlight.acquire();
        futures.add(
            pool.submit(
                () -> {
                  try {
                    List<ResultRow> rows = kernel.run(task, candles);
                    sink.accept(task, rows);
                    long c = combosDone.addAndGet(task.combos());
                    long t = tasksDone.incrementAndGet();
                    synchronized (progressLock) {
                      listener.onProgress(
                          new SweepProgress(
                              t,
                              todo.size(),
                              c,
                              combosTotal,
                              Duration.ofNanos(nanoTime.getAsLong() - start)));
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  } finally {
                    inFlight.release();
                  }
                  return null;
                }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          if (cause instanceof UncheckedIOException io) {
            throw io.getCause();
          }
          failures.add(new TaskFailure(todo.get(i).taskId(), String.valueOf(cause.getMessage())));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("sweep interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    sink.finish(all);
    failures.sort(Comparator.comparingInt(f -> indexOf(all, f.taskId())));
    return new SweepSummary(
        all.size(),
        all.size() - todo.size(),
        todo.size() - failures.size(),
        combosDone.get(),
        Duration.ofNanos(nanoTime.getAsLong() - start),
        failures);
  }

  private static int indexOf(List<SweepTask> tasks, String id) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).taskId().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
