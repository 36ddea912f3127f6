package org.smc4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

/**
 * The yardstick for {@link EngineBenchmark}: a plain one-pass loop over the same 52,128 BTCUSDT 5m
 * bars that runs only the core detectors, with everything in local primitive arrays and no events,
 * listener, input checks or state machine: Wilder ATR14, swing highs and lows (L = R = 2) and
 * bullish and bearish fair value gaps on 5m; 15m candles aggregated from the 5m ones; on each 15m
 * close ATR14, swings (L = R = 3), gaps and a one-close break test against the latest swing levels.
 * It counts what it finds so that nothing is optimised away. The engine's cost above this loop is
 * the price of its state machine (leg, POI, entries, event stamps).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineReferenceLoopBenchmark {

  private static final int ATR_PERIOD = 14;
  private static final int L5 = 2;
  private static final int R5 = 2;
  private static final int L15 = 3;
  private static final int R15 = 3;

  private long[] t;
  private double[] h;
  private double[] l;
  private double[] c;

  /** Creates the benchmark state (JMH). */
  public EngineReferenceLoopBenchmark() {}

  /** Loads the 5m candles. */
  @Setup
  public void load() {
    BarArrays five = EngineBenchmarkData.btcusdt5m();
    t = five.openTimeMillisUnsafe();
    h = five.highUnsafe();
    l = five.lowUnsafe();
    c = five.closeUnsafe();
  }

  /**
   * One pass of the core detectors over all 5m bars.
   *
   * @return a checksum of the counts of swings, gaps and breaks found
   */
  @Benchmark
  @OperationsPerInvocation(EngineBenchmark.BARS)
  public long detectorLoop() {
    long[] time = t;
    double[] hi = h;
    double[] lo = l;
    double[] cl = c;
    int n = time.length;
    long m15 = Timeframe.M15.millis();
    double[] hi15 = new double[n / 3 + 1];
    double[] lo15 = new double[n / 3 + 1];
    int k = -1;
    double atr5 = 0;
    double sum5 = 0;
    double atr15 = 0;
    double sum15 = 0;
    double prevClose15 = 0;
    double bucketHigh = 0;
    double bucketLow = 0;
    int bucketBars = 0;
    double swingHigh15 = Double.NaN;
    double swingLow15 = Double.NaN;
    long swings = 0;
    long gaps = 0;
    long breaks = 0;
    for (int i = 0; i < n; i++) {
      double hh = hi[i];
      double ll = lo[i];
      double tr = i == 0 ? hh - ll : Math.max(hh, cl[i - 1]) - Math.min(ll, cl[i - 1]);
      if (i < ATR_PERIOD) {
        sum5 += tr;
        atr5 = sum5 / (i + 1);
      } else {
        atr5 = (atr5 * (ATR_PERIOD - 1) + tr) / ATR_PERIOD;
      }
      int j = i - R5;
      if (j >= L5) {
        swings += isPivotHigh(hi, j, L5, R5) ? 1 : 0;
        swings += isPivotLow(lo, j, L5, R5) ? 1 : 0;
      }
      if (i >= ATR_PERIOD - 1 && i >= 2) {
        double minGap = 0.05 * atr5;
        double up = ll - hi[i - 2];
        double down = lo[i - 2] - hh;
        gaps += up > 0 && up >= minGap ? 1 : 0;
        gaps += down > 0 && down >= minGap ? 1 : 0;
      }
      long slot = Math.floorMod(time[i], m15);
      if (slot == 0) {
        bucketBars = 1;
        bucketHigh = hh;
        bucketLow = ll;
      } else if (bucketBars > 0) {
        bucketBars++;
        bucketHigh = Math.max(bucketHigh, hh);
        bucketLow = Math.min(bucketLow, ll);
      }
      if (bucketBars == 3) {
        bucketBars = 0;
        k++;
        hi15[k] = bucketHigh;
        lo15[k] = bucketLow;
        double close = cl[i];
        double tr15 =
            k == 0
                ? bucketHigh - bucketLow
                : Math.max(bucketHigh, prevClose15) - Math.min(bucketLow, prevClose15);
        prevClose15 = close;
        if (k < ATR_PERIOD) {
          sum15 += tr15;
          atr15 = sum15 / (k + 1);
        } else {
          atr15 = (atr15 * (ATR_PERIOD - 1) + tr15) / ATR_PERIOD;
        }
        if (k >= ATR_PERIOD - 1) {
          if (close - swingHigh15 >= 0.1 * atr15) {
            breaks++;
            swingHigh15 = Double.NaN;
          }
          if (swingLow15 - close >= 0.1 * atr15) {
            breaks++;
            swingLow15 = Double.NaN;
          }
          if (k >= 2) {
            double minGap = 0.05 * atr15;
            double up = bucketLow - hi15[k - 2];
            double down = lo15[k - 2] - bucketHigh;
            gaps += up > 0 && up >= minGap ? 1 : 0;
            gaps += down > 0 && down >= minGap ? 1 : 0;
          }
        }
        int p = k - R15;
        if (p >= L15) {
          if (isPivotHigh(hi15, p, L15, R15)) {
            swings++;
            swingHigh15 = hi15[p];
          }
          if (isPivotLow(lo15, p, L15, R15)) {
            swings++;
            swingLow15 = lo15[p];
          }
        }
      }
    }
    return swings * 1_000_003L * 1_000_003L + gaps * 1_000_003L + breaks;
  }

  private static boolean isPivotHigh(double[] hi, int j, int left, int right) {
    double p = hi[j];
    for (int q = 1; q <= left; q++) {
      if (!(p > hi[j - q])) {
        return false;
      }
    }
    for (int q = 1; q <= right; q++) {
      if (!(p >= hi[j + q])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPivotLow(double[] lo, int j, int left, int right) {
    double p = lo[j];
    for (int q = 1; q <= left; q++) {
      if (!(p < lo[j - q])) {
        return false;
      }
    }
    for (int q = 1; q <= right; q++) {
      if (!(p <= lo[j + q])) {
        return false;
      }
    }
    return true;
  }
}
