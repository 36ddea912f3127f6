package org.smc4j.core.ta4j;

import java.util.Objects;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

/**
 * The read position of an adapter that reads a ta4j {@link BarSeries} forward, each bar once and in
 * order, and never a bar after the index asked for: {@link StrategySeries} and {@link SwingSeries}.
 * Before bars are read it checks that the last bar read is still in place (ta4j's {@code
 * addBar(bar, true)} replaces the last bar, as a live feed does with a still-forming candle) and
 * that no unread bar was removed (maximum bar count). Not thread-safe.
 */
final class SeriesCursor {

  private final BarSeries series;

  /** Who reads, for the messages: "the strategy", "the swing detector". */
  private final String reader;

  private int base = -1;
  private int processed = -1;
  private Bar lastBar;

  SeriesCursor(BarSeries series, String reader) {
    this.series = Objects.requireNonNull(series, "series");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /**
   * Returns the first series index still to read so that bars up to {@code index} are read: {@code
   * processedIndex() + 1}, or a value above {@code index} when they all were. The caller reads each
   * bar from there through {@code index} and reports it with {@link #read}.
   *
   * @throws IndexOutOfBoundsException when {@code index} lies beyond the series' last bar, or
   *     before the first bar read
   * @throws IllegalStateException when the last bar read was replaced, or unread bars were removed
   */
  int next(int index) {
    if (index < 0) {
      throw new IndexOutOfBoundsException("series index must be >= 0, was " + index);
    }
    if (index <= processed) {
      if (index < base) {
        throw new IndexOutOfBoundsException(
            "series index " + index + " lies before the first bar read, " + base);
      }
      return processed + 1;
    }
    int end = series.getEndIndex();
    if (index > end) {
      throw new IndexOutOfBoundsException(
          "series index " + index + " lies beyond the last bar of the series, " + end);
    }
    if (processed < 0) {
      base = series.getBeginIndex();
      processed = base - 1;
      if (index < base) {
        throw new IndexOutOfBoundsException(
            "series index " + index + " lies before the series' first bar, " + base);
      }
    } else if (processed >= series.getBeginIndex() && series.getBar(processed) != lastBar) {
      throw new IllegalStateException(
          "bar "
              + processed
              + " was replaced after "
              + reader
              + " read it; feed closed candles only");
    }
    if (processed + 1 < series.getBeginIndex()) {
      throw new IllegalStateException(
          "bars "
              + (processed + 1)
              + ".."
              + (series.getBeginIndex() - 1)
              + " were removed from the series (maximum bar count) before "
              + reader
              + " read them");
    }
    return processed + 1;
  }

  /** Records that bar {@code index}, the one after the last read, has been read. */
  void read(int index, Bar bar) {
    processed = index;
    lastBar = bar;
  }

  /** Returns the series index of the first bar read, or {@code -1} before any. */
  int base() {
    return base;
  }

  /** Returns the series index of the last bar read, or {@code -1} before any. */
  int processed() {
    return processed;
  }
}
