package org.smc4j.backtest.report;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;

/**
 * One symbol's candles in the compact form the report embeds and its script decodes: prices as
 * integers of {@code 10^-decimals}, times as a first open time, a unit and the gaps, and four
 * columns of varints (7 bits a byte, the high bit set on all but the last byte), base64 encoded:
 *
 * <ul>
 *   <li>{@code open}: the open minus the previous close (the first: the open), zigzag signed;
 *   <li>{@code close}: the close minus the open, zigzag signed;
 *   <li>{@code high}: the high minus {@code max(open, close)}, never negative;
 *   <li>{@code low}: {@code min(open, close)} minus the low, never negative.
 * </ul>
 *
 * <p>Small moves take one or two bytes, so a 5m candle costs about 6 to 9 bytes of base64.
 *
 * @param decimals the power of ten that makes every price an integer (or, for prices with more
 *     digits than that, rounds them to 9 significant digits); may be negative
 * @param firstOpenMillis the first candle's open time
 * @param unitMillis the time unit: the greatest common divisor of the period and all time steps
 * @param size the number of candles
 * @param gaps {@code [index, steps]} pairs for each candle whose open is not one unit after the
 *     previous one's
 * @param open the open column, base64
 * @param close the close column, base64
 * @param high the high column, base64
 * @param low the low column, base64
 */
record CandleColumns(
    int decimals,
    long firstOpenMillis,
    long unitMillis,
    int size,
    List<long[]> gaps,
    String open,
    String close,
    String high,
    String low) {

  /** The most decimals tried when looking for the prices' exact scale. */
  static final int MAX_DECIMALS = 9;

  /** Significant digits kept when no scale up to {@link #MAX_DECIMALS} is exact. */
  static final int SIGNIFICANT_DIGITS = 9;

  CandleColumns {
    Objects.requireNonNull(gaps, "gaps");
    gaps = List.copyOf(gaps);
  }

  /**
   * Encodes candles.
   *
   * @param bars the candles, not empty
   * @return the columns
   * @throws IllegalArgumentException when there are no candles
   */
  static CandleColumns of(BarArrays bars) {
    int n = bars.size();
    if (n == 0) {
      throw new IllegalArgumentException("no candles to encode");
    }
    long[] t = bars.openTimeMillisUnsafe();
    double[] o = bars.openUnsafe();
    double[] h = bars.highUnsafe();
    double[] l = bars.lowUnsafe();
    double[] c = bars.closeUnsafe();
    long unit = bars.timeframe().millis();
    for (int i = 1; i < n; i++) {
      unit = gcd(unit, t[i] - t[i - 1]);
    }
    List<long[]> gaps = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      long steps = (t[i] - t[i - 1]) / unit;
      if (steps != 1) {
        gaps.add(new long[] {i, steps});
      }
    }
    int decimals = decimals(bars);
    double scale = Math.pow(10, decimals);
    Varints opens = new Varints(n);
    Varints closes = new Varints(n);
    Varints highs = new Varints(n);
    Varints lows = new Varints(n);
    long previousClose = 0;
    for (int i = 0; i < n; i++) {
      long oi = Math.round(o[i] * scale);
      long ci = Math.round(c[i] * scale);
      long hi = Math.max(Math.round(h[i] * scale), Math.max(oi, ci));
      long li = Math.min(Math.round(l[i] * scale), Math.min(oi, ci));
      opens.putSigned(oi - previousClose);
      closes.putSigned(ci - oi);
      highs.put(hi - Math.max(oi, ci));
      lows.put(Math.min(oi, ci) - li);
      previousClose = ci;
    }
    return new CandleColumns(
        decimals,
        t[0],
        unit,
        n,
        gaps,
        opens.base64(),
        closes.base64(),
        highs.base64(),
        lows.base64());
  }

  /**
   * Returns the smallest number of decimals, up to {@link #MAX_DECIMALS}, at which every price is
   * an integer; else the decimals that keep {@link #SIGNIFICANT_DIGITS} digits of the largest
   * price.
   */
  static int decimals(BarArrays bars) {
    double[][] columns = {
      bars.openUnsafe(), bars.highUnsafe(), bars.lowUnsafe(), bars.closeUnsafe()
    };
    double max = 0;
    for (double[] column : columns) {
      for (double v : column) {
        max = Math.max(max, Math.abs(v));
      }
    }
    for (int d = 0; d <= MAX_DECIMALS; d++) {
      double scale = Math.pow(10, d);
      if (max * scale > 1e14) {
        break;
      }
      if (allWhole(columns, scale)) {
        return d;
      }
    }
    int magnitude = max > 0 ? (int) Math.floor(Math.log10(max)) : 0;
    return SIGNIFICANT_DIGITS - 1 - magnitude;
  }

  private static boolean allWhole(double[][] columns, double scale) {
    for (double[] column : columns) {
      for (double v : column) {
        double x = v * scale;
        // a decimal price times its power of ten is off a whole number by about one ulp
        if (Math.abs(x - Math.rint(x)) > 4 * Math.ulp(Math.abs(x) + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  private static long gcd(long a, long b) {
    long x = Math.abs(a);
    long y = Math.abs(b);
    while (y != 0) {
      long r = x % y;
      x = y;
      y = r;
    }
    return Math.max(1, x);
  }

  /** A growing byte buffer of varints. */
  private static final class Varints {

    private final ByteArrayOutputStream bytes;

    Varints(int expected) {
      bytes = new ByteArrayOutputStream(expected * 2);
    }

    void putSigned(long v) {
      put((v << 1) ^ (v >> 63));
    }

    void put(long v) {
      long x = v;
      while ((x & ~0x7FL) != 0) {
        bytes.write((int) ((x & 0x7F) | 0x80));
        x >>>= 7;
      }
      bytes.write((int) x);
    }

    String base64() {
      return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
  }
}
