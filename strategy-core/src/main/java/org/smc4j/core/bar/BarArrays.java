package org.smc4j.core.bar;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable columnar candle set of one timeframe: open times as epoch milliseconds (UTC) and
 * OHLCV as {@code double} columns, in strictly increasing open-time order. This is the layout every
 * detector reads in its forward pass.
 *
 * <p>Accessors by index copy nothing. The {@code ...Unsafe} methods return the backing arrays
 * without copying for hot loops; callers must not modify them.
 */
public final class BarArrays {

  private final Timeframe timeframe;
  private final long[] openTimeMillis;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;

  private BarArrays(
      Timeframe timeframe,
      long[] openTimeMillis,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {
    this.timeframe = timeframe;
    this.openTimeMillis = openTimeMillis;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
  }

  /**
   * Creates a candle set from columns, copying them, and checks every bar.
   *
   * @param timeframe the candle period
   * @param openTimeMillis open times, strictly increasing
   * @param open opens
   * @param high highs
   * @param low lows
   * @param close closes
   * @param volume volumes
   * @return the candle set
   * @throws IllegalArgumentException when the columns differ in length, a time is not strictly
   *     after the previous one or a bar fails {@link #ohlcvProblem}; the message names the bar
   */
  public static BarArrays of(
      Timeframe timeframe,
      long[] openTimeMillis,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {
    Objects.requireNonNull(timeframe, "timeframe");
    int n = Objects.requireNonNull(openTimeMillis, "openTimeMillis").length;
    checkLength("open", open, n);
    checkLength("high", high, n);
    checkLength("low", low, n);
    checkLength("close", close, n);
    checkLength("volume", volume, n);
    for (int i = 0; i < n; i++) {
      if (i > 0 && openTimeMillis[i] <= openTimeMillis[i - 1]) {
        throw new IllegalArgumentException(
            "bar "
                + i
                + " ("
                + Instant.ofEpochMilli(openTimeMillis[i])
                + "): open time is not after the previous bar's "
                + Instant.ofEpochMilli(openTimeMillis[i - 1]));
      }
      final int bar = i;
      ohlcvProblem(open[i], high[i], low[i], close[i], volume[i])
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(
                    "bar "
                        + bar
                        + " ("
                        + Instant.ofEpochMilli(openTimeMillis[bar])
                        + "): "
                        + problem);
              });
    }
    return new BarArrays(
        timeframe,
        openTimeMillis.clone(),
        open.clone(),
        high.clone(),
        low.clone(),
        close.clone(),
        volume.clone());
  }

  /**
   * Wraps columns without copying or checking them; for readers that have just built and checked
   * fresh arrays and hand them over.
   *
   * @return the candle set sharing the given arrays
   */
  public static BarArrays wrapUnsafe(
      Timeframe timeframe,
      long[] openTimeMillis,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {
    return new BarArrays(timeframe, openTimeMillis, open, high, low, close, volume);
  }

  /** Returns an empty candle set of the given timeframe. */
  public static BarArrays empty(Timeframe timeframe) {
    return wrapUnsafe(
        timeframe,
        new long[0],
        new double[0],
        new double[0],
        new double[0],
        new double[0],
        new double[0]);
  }

  /**
   * Tells what is wrong with one bar's values, if anything: non-finite values, non-positive prices,
   * negative volume, {@code high < low}, or open/close outside {@code [low, high]}.
   *
   * @return a description such as {@code "high 99.5 < low 100.1"}, or empty when the bar is valid
   */
  public static Optional<String> ohlcvProblem(
      double open, double high, double low, double close, double volume) {
    if (!Double.isFinite(open)) {
      return Optional.of("open is not a finite number: " + open);
    }
    if (!Double.isFinite(high)) {
      return Optional.of("high is not a finite number: " + high);
    }
    if (!Double.isFinite(low)) {
      return Optional.of("low is not a finite number: " + low);
    }
    if (!Double.isFinite(close)) {
      return Optional.of("close is not a finite number: " + close);
    }
    if (!Double.isFinite(volume)) {
      return Optional.of("volume is not a finite number: " + volume);
    }
    if (low <= 0) {
      return Optional.of("low must be > 0, was " + low);
    }
    if (volume < 0) {
      return Optional.of("volume must be >= 0, was " + volume);
    }
    if (high < low) {
      return Optional.of("high " + high + " < low " + low);
    }
    if (open > high || open < low) {
      return Optional.of("open " + open + " outside [low " + low + ", high " + high + "]");
    }
    if (close > high || close < low) {
      return Optional.of("close " + close + " outside [low " + low + ", high " + high + "]");
    }
    return Optional.empty();
  }

  private static void checkLength(String name, double[] column, int n) {
    Objects.requireNonNull(column, name);
    if (column.length != n) {
      throw new IllegalArgumentException(
          name + " has " + column.length + " values but openTimeMillis has " + n);
    }
  }

  /** Returns the candle period. */
  public Timeframe timeframe() {
    return timeframe;
  }

  /** Returns the number of bars. */
  public int size() {
    return openTimeMillis.length;
  }

  /** Returns true when there are no bars. */
  public boolean isEmpty() {
    return openTimeMillis.length == 0;
  }

  /** Returns the open time of bar {@code i} in epoch milliseconds. */
  public long openTimeMillis(int i) {
    return openTimeMillis[i];
  }

  /** Returns the close time of bar {@code i} (open time plus the timeframe) in epoch ms. */
  public long closeTimeMillis(int i) {
    return openTimeMillis[i] + timeframe.millis();
  }

  /** Returns the open time of bar {@code i}. */
  public Instant openTime(int i) {
    return Instant.ofEpochMilli(openTimeMillis[i]);
  }

  /** Returns the open of bar {@code i}. */
  public double open(int i) {
    return open[i];
  }

  /** Returns the high of bar {@code i}. */
  public double high(int i) {
    return high[i];
  }

  /** Returns the low of bar {@code i}. */
  public double low(int i) {
    return low[i];
  }

  /** Returns the close of bar {@code i}. */
  public double close(int i) {
    return close[i];
  }

  /** Returns the volume of bar {@code i}. */
  public double volume(int i) {
    return volume[i];
  }

  /** Returns bar {@code i} as a {@link Candle}. */
  public Candle candle(int i) {
    return new Candle(openTime(i), timeframe, open[i], high[i], low[i], close[i], volume[i]);
  }

  /**
   * Returns bars {@code [from, to)} as a new candle set (the columns are copied).
   *
   * @throws IndexOutOfBoundsException when the range is not inside {@code [0, size()]}
   */
  public BarArrays slice(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    return new BarArrays(
        timeframe,
        Arrays.copyOfRange(openTimeMillis, from, to),
        Arrays.copyOfRange(open, from, to),
        Arrays.copyOfRange(high, from, to),
        Arrays.copyOfRange(low, from, to),
        Arrays.copyOfRange(close, from, to),
        Arrays.copyOfRange(volume, from, to));
  }

  /** Returns the backing open-time column; do not modify. */
  public long[] openTimeMillisUnsafe() {
    return openTimeMillis;
  }

  /** Returns the backing open column; do not modify. */
  public double[] openUnsafe() {
    return open;
  }

  /** Returns the backing high column; do not modify. */
  public double[] highUnsafe() {
    return high;
  }

  /** Returns the backing low column; do not modify. */
  public double[] lowUnsafe() {
    return low;
  }

  /** Returns the backing close column; do not modify. */
  public double[] closeUnsafe() {
    return close;
  }

  /** Returns the backing volume column; do not modify. */
  public double[] volumeUnsafe() {
    return volume;
  }

  @Override
  public String toString() {
    return size() == 0
        ? "BarArrays[" + timeframe + ", empty]"
        : "BarArrays["
            + timeframe
            + ", "
            + size()
            + " bars, "
            + openTime(0)
            + " .. "
            + openTime(size() - 1)
            + "]";
  }
}
