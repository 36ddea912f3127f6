package org.smc4j.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.smc4j.core.bar.BarArrays;

/**
 * A bounded least-recently-used cache of another {@link CandleSource}, keyed by symbol: a symbol is
 * read once while it stays among the {@code capacity} most recently used, however many threads ask
 * for it at once (the first reads, the others wait for that read). A failed read is not cached.
 */
public final class CandleCache implements CandleSource {

  private final CandleSource delegate;
  private final int capacity;
  private final Map<String, CompletableFuture<BarArrays>> entries;
  private final AtomicLong reads = new AtomicLong();

  /**
   * Creates a cache.
   *
   * @param delegate the source read on a miss
   * @param capacity how many symbols are kept, {@code >= 1}
   * @throws IllegalArgumentException when the capacity is below 1
   */
  public CandleCache(CandleSource delegate, int capacity) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<BarArrays>> e) {
            return size() > CandleCache.this.capacity;
          }
        };
  }

  @Override
  public BarArrays fiveMinute(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    CompletableFuture<BarArrays> mine = new CompletableFuture<>();
    CompletableFuture<BarArrays> cached;
    synchronized (entries) {
      cached = entries.get(symbol);
      if (cached == null) {
        entries.put(symbol, mine);
      }
    }
    if (cached == null) {
      reads.incrementAndGet();
      try {
        mine.complete(delegate.fiveMinute(symbol));
      } catch (RuntimeException | Error e) {
        synchronized (entries) {
          entries.remove(symbol, mine);
        }
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
    try {
      return cached.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the candles of " + symbol, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("reading the candles of " + symbol + " failed", e);
    }
  }

  /** Returns how many times the delegate was read (misses). */
  public long reads() {
    return reads.get();
  }

  /** Returns the capacity in symbols. */
  public int capacity() {
    return capacity;
  }
}
