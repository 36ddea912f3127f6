package org.smc4j.core.engine;

import org.smc4j.core.bar.Timeframe;

/**
 * Where the 15m candles come from: derived from the 5m candles (buckets aligned to 00:00 UTC, a
 * bucket missing any of its three 5m candles dropped) or supplied and queued until the first 5m
 * close at or after their close time. Either way the candle made or taken last is read with {@link
 * #openTime()} to {@link #volume()}. Nothing is allocated per bar; the supplied queue grows only
 * when more 15m candles are waiting than ever before.
 */
final class ContextCandleStage {

  private static final long M5 = Timeframe.M5.millis();
  private static final long M15 = Timeframe.M15.millis();

  /** The candle being built (derived) or taken (supplied). */
  private long openTime = Long.MIN_VALUE;

  private int bucketBars;
  private double open;
  private double high;
  private double low;
  private double close;
  private double volume;

  private long[] queueOpenTime = new long[4];
  private double[] queueValues = new double[4 * 5];
  private int queueHead;
  private int queueSize;

  /**
   * Adds a 5m candle to its bucket.
   *
   * @return true when it completes the bucket's 15m candle, then readable here
   */
  boolean aggregate(long t, double o, double h, double l, double c, double v) {
    long start = t - Math.floorMod(t, M15);
    if (t == start) {
      openTime = start;
      bucketBars = 1;
      open = o;
      high = h;
      low = l;
      close = c;
      volume = v;
    } else if (start == openTime && bucketBars > 0 && t - start == bucketBars * M5) {
      bucketBars++;
      if (h > high) {
        high = h;
      }
      if (l < low) {
        low = l;
      }
      close = c;
      volume += v;
    } else {
      // The bucket's first 5m candle is missing (a gap or a series starting mid-bucket): drop it.
      openTime = start;
      bucketBars = 0;
    }
    if (bucketBars == 3) {
      bucketBars = 0;
      return true;
    }
    return false;
  }

  /** Returns the number of supplied 15m candles waiting. */
  int queued() {
    return queueSize;
  }

  /** Queues a supplied, already validated 15m candle. */
  void enqueue(long t, double o, double h, double l, double c, double v) {
    if (queueSize == queueOpenTime.length) {
      long[] times = new long[queueSize * 2];
      double[] values = new double[queueSize * 2 * 5];
      for (int q = 0; q < queueSize; q++) {
        int from = (queueHead + q) % queueOpenTime.length;
        times[q] = queueOpenTime[from];
        System.arraycopy(queueValues, from * 5, values, q * 5, 5);
      }
      queueOpenTime = times;
      queueValues = values;
      queueHead = 0;
    }
    int slot = (queueHead + queueSize) % queueOpenTime.length;
    queueOpenTime[slot] = t;
    queueValues[slot * 5] = o;
    queueValues[slot * 5 + 1] = h;
    queueValues[slot * 5 + 2] = l;
    queueValues[slot * 5 + 3] = c;
    queueValues[slot * 5 + 4] = v;
    queueSize++;
  }

  /**
   * Takes the oldest queued 15m candle if it has closed by {@code closeTime}.
   *
   * @return true when a candle was taken, then readable here
   */
  boolean pollDue(long closeTime) {
    if (queueSize == 0 || queueOpenTime[queueHead] + M15 > closeTime) {
      return false;
    }
    int slot = queueHead;
    int b = slot * 5;
    double[] q = queueValues;
    openTime = queueOpenTime[slot];
    open = q[b];
    high = q[b + 1];
    low = q[b + 2];
    close = q[b + 3];
    volume = q[b + 4];
    queueHead = (queueHead + 1) % queueOpenTime.length;
    queueSize--;
    return true;
  }

  long openTime() {
    return openTime;
  }

  double open() {
    return open;
  }

  double high() {
    return high;
  }

  double low() {
    return low;
  }

  double close() {
    return close;
  }

  double volume() {
    return volume;
  }
}
