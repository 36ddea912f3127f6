package org.smc4j.core.ta4j;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.engine.internal.SwingWindow;
import org.smc4j.core.structure.SwingType;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * The swing points (STRATEGY.md section 1) of one ta4j {@link BarSeries}, of any timeframe, and
 * nothing else: the shared state behind the swing-only {@link SwingPointIndicator}s. A swing high
 * at series index {@code j} has {@code high[j] > high[j-k]} for {@code k = 1..L} and {@code high[j]
 * >= high[j+k]} for {@code k = 1..R}; a swing low mirrors it. It is computed with the strategy
 * engine's own swing test, so on a series of 5m bars with the configuration's 5m lookbacks it finds
 * exactly the engine's {@code SWING_5M} events.
 *
 * <p><b>When a value becomes known.</b> A swing at pivot {@code j} is known at the close of bar
 * {@code j + R}, never earlier. Asking for a value at series index {@code i} reads the bars up to
 * {@code i} not read yet, once each (high, low and period; the open time of a pivot and the close
 * time of the bar confirming it), and never a bar after {@code i}; bars appended later are read
 * when a later index is asked for. So a value at {@code i} depends on bars {@code 0..i} only and
 * never changes when bars are appended. Appended, replaced and removed bars are handled as by
 * {@link StrategySeries}: a bar replaced after it was read, or bars removed (maximum bar count)
 * before they were read, are refused.
 *
 * <p><b>Representation.</b> Per swing (not per bar) the pivot's series index, price, open time and
 * the close time of the confirming bar, in primitive arrays, and the price converted once with the
 * series' {@code NumFactory}. The latest swing known at the bar just read is the last one found; at
 * an earlier bar it is found from the pivot indices (a step forward when bars are read in order, a
 * binary search otherwise). Reading a bar allocates nothing. All indices are series indices of this
 * series.
 *
 * <p><b>Input rules.</b> Every bar has the period of the first bar read and a finite high at least
 * its finite low (reported with the series index). The prices are read with {@link
 * Num#doubleValue()}, so a {@code DecimalNum} series is compared in doubles. Not thread-safe.
 */
public final class SwingSeries {

  private final BarSeries series;
  private final int left;
  private final int right;
  private final SeriesCursor cursor;

  /** Highs as they are; lows negated, so one swing-high test serves both (as in the engine). */
  private final SwingWindow up;

  private final SwingWindow down;

  /**
   * The last bars read, a power-of-two ring of at least {@code R + 1}: the open time of a pivot is
   * read from its bar when the swing is confirmed, not from every bar.
   */
  private final Bar[] recent;

  private final int recentMask;
  private final Swings highs = new Swings();
  private final Swings lows = new Swings();

  /** The period of the first bar read, or null before it. */
  private Duration period;

  private Timeframe timeframe;

  private SwingSeries(BarSeries series, int left, int right) {
    this.series = series;
    this.left = left;
    this.right = right;
    this.cursor = new SeriesCursor(series, "the swing detector");
    this.up = new SwingWindow(left, right);
    this.down = new SwingWindow(left, right);
    int capacity = Integer.highestOneBit(right + 1);
    if (capacity < right + 1) {
      capacity <<= 1;
    }
    this.recent = new Bar[capacity];
    this.recentMask = capacity - 1;
  }

  /**
   * Creates the swing detector over a series. No bar is read yet.
   *
   * @param series the bars, possibly still empty; bars may be appended later
   * @param left the lookback {@code L} to the left, {@code >= 1}
   * @param right the lookback {@code R} to the right, {@code >= 1}: a swing is known {@code R} bars
   *     after its pivot
   * @return the detector
   * @throws IllegalArgumentException when a lookback is below 1
   */
  public static SwingSeries of(BarSeries series, int left, int right) {
    Objects.requireNonNull(series, "series");
    if (left < 1) {
      throw new IllegalArgumentException("left must be >= 1, was " + left);
    }
    if (right < 1) {
      throw new IllegalArgumentException("right must be >= 1, was " + right);
    }
    return new SwingSeries(series, left, right);
  }

  /** Returns the series read. */
  public BarSeries barSeries() {
    return series;
  }

  /** Returns the lookback {@code L} to the left. */
  public int left() {
    return left;
  }

  /** Returns the lookback {@code R} to the right: a swing is known {@code R} bars after it. */
  public int right() {
    return right;
  }

  /**
   * Returns the last series index read so far, {@code -1} before the first. Grows only when a value
   * at a later index is asked for (or {@link #advanceTo} is called).
   */
  public int processedIndex() {
    return cursor.processed();
  }

  /**
   * Returns the timeframe of the swings: the period of the first bar read.
   *
   * @return the timeframe
   * @throws IllegalStateException when no bar was read yet
   */
  public Timeframe timeframe() {
    if (timeframe == null) {
      throw new IllegalStateException("no bar of series '" + series.getName() + "' read yet");
    }
    return timeframe;
  }

  /**
   * Reads the series' bars up to {@code index} not read yet; does nothing when they all were.
   *
   * @param index a series index, at most {@code barSeries().getEndIndex()}
   * @throws IndexOutOfBoundsException when {@code index} lies beyond the series' last bar, or
   *     before the first bar read
   * @throws IllegalArgumentException when a bar's high or low is not finite, its high is below its
   *     low, or its period differs from the first bar's (the message names the series index)
   * @throws IllegalStateException when a bar already read was replaced, or bars were removed from
   *     the series (maximum bar count) before they were read
   */
  public void advanceTo(int index) {
    int from = cursor.next(index);
    if (from > index) {
      return;
    }
    BarSeries s = series;
    SwingWindow u = up;
    SwingWindow d = down;
    int base = cursor.base();
    if (period == null) {
      firstRead(from);
    }
    Duration p = period;
    Bar[] ring = recent;
    int m = recentMask;
    for (int i = from; i <= index; i++) {
      Bar bar = s.getBar(i);
      double h = bar.getHighPrice().doubleValue();
      double l = bar.getLowPrice().doubleValue();
      // one combined test for the common valid bar (l <= h is false for a NaN, and with it the two
      // infinity tests make both finite); the message is built out of line
      if (!(l <= h & h < Double.POSITIVE_INFINITY & l > Double.NEGATIVE_INFINITY)
          || !p.equals(bar.getTimePeriod())) {
        throw invalid(bar, i, h, l);
      }
      u.push(h, l);
      d.push(-l, -h);
      ring[(i - base) & m] = bar;
      int ph = u.pivotAtLatest();
      int pl = d.pivotAtLatest();
      // the sign bit of the AND is set only when both are -1: one branch for "no pivot"
      if ((ph & pl) >= 0) {
        record(bar, base, ph, pl);
      }
      cursor.read(i, bar);
    }
  }

  /** Takes the timeframe from the first bar read and sizes the swing columns. */
  private void firstRead(int from) {
    Bar first = series.getBar(from);
    timeframe = timeframeOf(first, from);
    period = first.getTimePeriod();
    // a bar is a pivot of independent prices with probability 1 / (L + R + 1): room for the bars
    // already in the series, so that a batch read rarely grows the columns
    int expected = (series.getEndIndex() - from + 1) / (left + right + 1) + 16;
    highs.reserve(expected);
    lows.reserve(expected);
  }

  /** Records the swings confirmed at a bar (out of line: most bars confirm none). */
  private void record(Bar bar, int base, int ph, int pl) {
    long known = bar.getEndTime().toEpochMilli();
    NumFactory f = series.numFactory();
    if (ph >= 0) {
      double price = up.hi(ph);
      long pivotOpen = recent[ph & recentMask].getBeginTime().toEpochMilli();
      highs.add(base + ph, price, f.numOf(price), pivotOpen, known);
    }
    if (pl >= 0) {
      double price = -down.hi(pl);
      long pivotOpen = recent[pl & recentMask].getBeginTime().toEpochMilli();
      lows.add(base + pl, price, f.numOf(price), pivotOpen, known);
    }
  }

  private static Timeframe timeframeOf(Bar bar, int i) {
    try {
      return Timeframe.of(bar.getTimePeriod());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("series index " + i + ": " + e.getMessage(), e);
    }
  }

  private IllegalArgumentException invalid(Bar bar, int i, double h, double l) {
    String at = "series index " + i + " (" + bar.getBeginTime() + "): ";
    if (!period.equals(bar.getTimePeriod())) {
      return new IllegalArgumentException(
          at + "bar period must be " + period + " (the first bar's), was " + bar.getTimePeriod());
    }
    if (!Double.isFinite(h) || !Double.isFinite(l)) {
      return new IllegalArgumentException(at + "high " + h + " and low " + l + " must be finite");
    }
    return new IllegalArgumentException(at + "high " + h + " < low " + l);
  }

  /** Returns the swings of one type. */
  Swings swings(SwingType type) {
    return type == SwingType.HIGH ? highs : lows;
  }

  /**
   * Returns the number, in order of confirmation, of the latest swing of a type known at the close
   * of bar {@code i}, or {@code -1}; reads the series up to {@code i} first.
   *
   * @param hint a number to try first (the last one returned), or {@code -1}
   */
  int latest(Swings s, int i, int hint) {
    int processed = cursor.processed();
    if (i >= processed) {
      // the bar just read, as a live feed or a ta4j strategy asks: every swing read is known there
      if (i != processed || i < 0) {
        advanceTo(i);
      }
      return s.count - 1;
    }
    // refuses an index before the first bar read
    cursor.next(i);
    // pivots are confirmed in order, R bars after them: those known at i lie at or before i - R
    int limit = i - right;
    int n = s.count;
    int[] pivot = s.pivot;
    if (hint >= 0 && hint < n && pivot[hint] <= limit) {
      if (hint + 1 == n || pivot[hint + 1] > limit) {
        return hint;
      }
      if (hint + 2 == n || pivot[hint + 2] > limit) {
        return hint + 1;
      }
    }
    // the last k with pivot[k] <= limit
    int lo = 0;
    int hi = n - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (pivot[mid] <= limit) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * Returns the latest swing of a type known at the close of bar {@code i}, as the engine reports
   * it: the timeframe of the bars, the pivot's price, series index and open time, and the
   * confirming bar {@code j + R} (its series index twice, and its close time).
   *
   * @param type high or low
   * @param i a series index
   * @return the swing, empty before the first one is known
   * @throws IndexOutOfBoundsException as {@link #advanceTo}
   */
  public Optional<SwingPointEvent> swingAt(SwingType type, int i) {
    Objects.requireNonNull(type, "type");
    Swings s = swings(type);
    int k = latest(s, i, -1);
    return k < 0 ? Optional.empty() : Optional.of(event(type, s, k));
  }

  SwingPointEvent event(SwingType type, Swings s, int k) {
    int j = s.pivot[k];
    return new SwingPointEvent(
        timeframe, type, s.price[k], j, s.pivotTime[k], j + right, s.knownTime[k], j + right);
  }

  /** The swings of one type, in order of confirmation, in growable primitive columns. */
  static final class Swings {
    int count;
    int[] pivot = new int[16];
    double[] price = new double[16];
    Num[] num = new Num[16];
    long[] pivotTime = new long[16];
    long[] knownTime = new long[16];

    void reserve(int capacity) {
      if (capacity > pivot.length) {
        grow(capacity);
      }
    }

    private void grow(int cap) {
      pivot = Arrays.copyOf(pivot, cap);
      price = Arrays.copyOf(price, cap);
      num = Arrays.copyOf(num, cap);
      pivotTime = Arrays.copyOf(pivotTime, cap);
      knownTime = Arrays.copyOf(knownTime, cap);
    }

    void add(int pivotIndex, double value, Num asNum, long pivotOpenMillis, long knownCloseMillis) {
      int k = count;
      if (k == pivot.length) {
        grow(2 * k);
      }
      pivot[k] = pivotIndex;
      price[k] = value;
      num[k] = asNum;
      pivotTime[k] = pivotOpenMillis;
      knownTime[k] = knownCloseMillis;
      count = k + 1;
    }
  }
}
