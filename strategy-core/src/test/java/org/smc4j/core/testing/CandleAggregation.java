package org.smc4j.core.testing;

import java.util.Arrays;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

/** Test-only 5m to 15m aggregation (complete buckets aligned to 00:00 UTC only). */
public final class CandleAggregation {

  private CandleAggregation() {}

  /**
   * Aggregates 5m candles into 15m candles, keeping only buckets whose three 5m candles are all
   * present.
   *
   * @param five 5m candles
   * @return 15m candles
   */
  public static BarArrays toFifteenMinutes(BarArrays five) {
    long m5 = Timeframe.M5.millis();
    long m15 = Timeframe.M15.millis();
    int n = five.size();
    long[] t = new long[n / 3 + 1];
    double[] o = new double[t.length];
    double[] h = new double[t.length];
    double[] l = new double[t.length];
    double[] c = new double[t.length];
    double[] v = new double[t.length];
    int k = 0;
    for (int i = 0; i + 2 < n; i++) {
      long start = five.openTimeMillis(i);
      if (Math.floorMod(start, m15) != 0
          || five.openTimeMillis(i + 1) != start + m5
          || five.openTimeMillis(i + 2) != start + 2 * m5) {
        continue;
      }
      t[k] = start;
      o[k] = five.open(i);
      h[k] = Math.max(five.high(i), Math.max(five.high(i + 1), five.high(i + 2)));
      l[k] = Math.min(five.low(i), Math.min(five.low(i + 1), five.low(i + 2)));
      c[k] = five.close(i + 2);
      v[k] = five.volume(i) + five.volume(i + 1) + five.volume(i + 2);
      k++;
    }
    return BarArrays.of(
        Timeframe.M15,
        Arrays.copyOf(t, k),
        Arrays.copyOf(o, k),
        Arrays.copyOf(h, k),
        Arrays.copyOf(l, k),
        Arrays.copyOf(c, k),
        Arrays.copyOf(v, k));
  }
}
