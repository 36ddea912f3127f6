package org.smc4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

class CandleCacheTest {

  private static BarArrays bars(int n) {
    long[] t = new long[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * Timeframe.M5.millis();
      p[i] = 100 + i;
    }
    return BarArrays.of(Timeframe.M5, t, p, p, p, p, new double[n]);
  }

  /** Counts reads per symbol; each read waits until released, so callers overlap. */
  private static final class SlowSource implements CandleSource {
    final ConcurrentHashMap<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public BarArrays fiveMinute(String symbol) {
      reads.computeIfAbsent(symbol, k -> new AtomicInteger()).incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (symbol.equals("BADUSDT")) {
        throw new IllegalArgumentException("BADUSDT: no 5m candle files");
      }
      return bars(symbol.length());
    }
  }

  @Test
  void shouldReadASymbolOnceHoweverManyThreadsAskAtOnce() throws Exception {
    SlowSource source = new SlowSource();
    CandleCache cache = new CandleCache(source, 2);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<BarArrays>> got = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        got.add(pool.submit(() -> cache.fiveMinute("BTCUSDT")));
      }
      Thread.sleep(50);
      source.release.countDown();
      BarArrays first = got.get(0).get();
      for (Future<BarArrays> f : got) {
        assertThat(f.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(source.reads.get("BTCUSDT")).hasValue(1);
    assertThat(cache.reads()).isEqualTo(1);
  }

  @Test
  void shouldEvictTheLeastRecentlyUsedSymbolBeyondItsCapacity() {
    SlowSource source = new SlowSource();
    source.release.countDown();
    CandleCache cache = new CandleCache(source, 2);
    cache.fiveMinute("BTCUSDT");
    cache.fiveMinute("SOLUSDT");
    cache.fiveMinute("BTCUSDT");
    cache.fiveMinute("NEARUSDT");
    // SOLUSDT was the least recently used: read again; BTCUSDT stayed
    cache.fiveMinute("BTCUSDT");
    cache.fiveMinute("SOLUSDT");
    assertThat(source.reads.get("BTCUSDT")).hasValue(1);
    assertThat(source.reads.get("SOLUSDT")).hasValue(2);
    assertThat(cache.reads()).isEqualTo(4);
  }

  @Test
  void shouldNotCacheAFailedRead() {
    SlowSource source = new SlowSource();
    source.release.countDown();
    CandleCache cache = new CandleCache(source, 2);
    assertThatThrownBy(() -> cache.fiveMinute("BADUSDT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BADUSDT: no 5m candle files");
    assertThatThrownBy(() -> cache.fiveMinute("BADUSDT"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(source.reads.get("BADUSDT")).hasValue(2);
  }

  @Test
  void shouldRefuseACapacityBelowOne() {
    assertThatThrownBy(() -> new CandleCache(new SlowSource(), 0))
        .hasMessage("capacity must be >= 1, was 0");
  }
}
