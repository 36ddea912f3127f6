package org.smc4j.marketdata.resample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

/**
 * Aggregates candles into a longer timeframe that is a whole multiple of theirs (1m to 5m, 5m to
 * 15m, ...). Buckets are aligned to the epoch grid, so every timeframe that divides a day starts at
 * 00:00 UTC. A bucket is built only when all its source bars are present: open of the first,
 * highest high, lowest low, close of the last, summed volume. Buckets with missing bars (at the
 * start or end of the series, or in a gap) are dropped and reported; nothing is invented.
 *
 * <p>Volumes are summed in decimal: each volume's shortest decimal form ({@link
 * BigDecimal#valueOf(double)}, i.e. the text it was parsed from) is added exactly and the sum
 * rounded once to a double. A plain double sum would drift by an ulp ({@code 0.1 + 0.2 != 0.3}), so
 * the result would differ from the exchange's own aggregated files, which are exact decimal sums.
 *
 * <p>A resampled bar is known at its close: it uses only source bars inside its own bucket.
 */
public final class CandleResampler {

  private CandleResampler() {}

  /**
   * Resamples a candle set.
   *
   * @param source bars on their timeframe's grid, strictly increasing in time
   * @param target a whole multiple of the source timeframe
   * @return the complete buckets and the dropped incomplete ones
   * @throws IllegalArgumentException when the target is not a whole multiple of the source
   *     timeframe, or a source bar is off its grid (the message names the bar)
   */
  public static ResampledCandles resample(BarArrays source, Timeframe target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    final long step = source.timeframe().millis();
    final long bucketMillis = target.millis();
    if (bucketMillis % step != 0) {
      throw new IllegalArgumentException(
          "target timeframe "
              + target
              + " must be a whole multiple of the source timeframe "
              + source.timeframe());
    }
    final int expected = (int) (bucketMillis / step);
    final int n = source.size();
    final long[] t = source.openTimeMillisUnsafe();
    final double[] o = source.openUnsafe();
    final double[] h = source.highUnsafe();
    final double[] l = source.lowUnsafe();
    final double[] c = source.closeUnsafe();
    final double[] v = source.volumeUnsafe();
    for (int i = 0; i < n; i++) {
      if (Math.floorMod(t[i], step) != 0) {
        throw new IllegalArgumentException(
            "bar "
                + i
                + " ("
                + Instant.ofEpochMilli(t[i])
                + "): open time is not on the "
                + source.timeframe()
                + " grid");
      }
    }
    int capacity = n / expected + 2;
    long[] bt = new long[capacity];
    double[] bo = new double[capacity];
    double[] bh = new double[capacity];
    double[] bl = new double[capacity];
    double[] bc = new double[capacity];
    double[] bv = new double[capacity];
    List<IncompleteBucket> dropped = new ArrayList<>();
    int out = 0;
    int i = 0;
    while (i < n) {
      long bucket = target.bucketStart(t[i]);
      long bucketEnd = bucket + bucketMillis;
      int first = i;
      double high = h[i];
      double low = l[i];
      while (i < n && t[i] < bucketEnd) {
        if (h[i] > high) {
          high = h[i];
        }
        if (l[i] < low) {
          low = l[i];
        }
        i++;
      }
      int members = i - first;
      if (members != expected) {
        // Strictly increasing on-grid times inside one bucket: fewer members means missing bars.
        dropped.add(new IncompleteBucket(Instant.ofEpochMilli(bucket), members, expected));
        continue;
      }
      bt[out] = bucket;
      bo[out] = o[first];
      bh[out] = high;
      bl[out] = low;
      bc[out] = c[i - 1];
      bv[out] = decimalSum(v, first, i);
      out++;
    }
    BarArrays bars =
        BarArrays.wrapUnsafe(
            target,
            Arrays.copyOf(bt, out),
            Arrays.copyOf(bo, out),
            Arrays.copyOf(bh, out),
            Arrays.copyOf(bl, out),
            Arrays.copyOf(bc, out),
            Arrays.copyOf(bv, out));
    return new ResampledCandles(bars, dropped);
  }

  private static double decimalSum(double[] v, int from, int to) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = from; k < to; k++) {
      sum = sum.add(BigDecimal.valueOf(v[k]));
    }
    return sum.doubleValue();
  }
}
