package org.smc4j.core.engine.internal;

import java.util.Arrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.FairValueGapEvent;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.fvg.FvgChange;
import org.smc4j.core.structure.Direction;

/**
 * The live fair value gaps of one direction and timeframe, in directional prices (bearish prices
 * negated, so every gap reads as a bullish one: touched when a low reaches its top, filled when a
 * close goes below its bottom).
 *
 * <p>Amortised O(1) per bar. Untouched gaps form a stack whose tops strictly increase with age
 * reversed (a gap that survived bar {@code i} untouched has its top below {@code low[i]}, the top
 * of any gap completed at {@code i}), so one bar touches a suffix. Unfilled gaps are kept sorted by
 * bottom; a new gap's bottom {@code high[i-2]} is at least every bottom that survived the close of
 * {@code i-2}, so an insertion moves at most the two gaps completed at {@code i-1} and {@code i-2},
 * and one close fills a suffix. Filled gaps are dropped.
 */
public final class FvgBook {

  private final Timeframe timeframe;
  private final Direction direction;
  private final boolean bullish;
  private final boolean emits;

  private double[] openTop = new double[16];
  private FairValueGap[] openRef = new FairValueGap[16];
  private int openSize;

  private double[] unfilledBottom = new double[16];
  private double[] unfilledTop = new double[16];
  private FairValueGap[] unfilledRef = new FairValueGap[16];
  private int unfilledSize;

  private double overlapLow;
  private double overlapHigh;

  /**
   * Creates an empty book.
   *
   * @param timeframe the gaps' timeframe
   * @param direction the gaps' direction
   * @param emits whether {@link #update} reports touches and fills
   */
  public FvgBook(Timeframe timeframe, Direction direction, boolean emits) {
    this.timeframe = timeframe;
    this.direction = direction;
    this.bullish = direction == Direction.BULLISH;
    this.emits = emits;
  }

  /** Returns whether this book's state changes are reported. */
  public boolean emits() {
    return emits;
  }

  /**
   * Applies a new bar to the existing gaps: touches, then fills, each reported as an event when
   * this book {@link #emits()}.
   *
   * @param lo the bar's directional low
   * @param close the bar's directional close
   * @param knownAtIndex the bar's index in its timeframe
   * @param knownAtTimeMillis the bar's close time
   * @param knownAt5mIndex the current 5m bar index
   * @param listener receives the events
   */
  public void update(
      double lo,
      double close,
      int knownAtIndex,
      long knownAtTimeMillis,
      int knownAt5mIndex,
      StrategyEventListener listener) {
    // Most bars change no gap: this test keeps the common case small enough to be inlined.
    int n = openSize;
    int u = unfilledSize;
    if ((n > 0 && openTop[n - 1] >= lo) || (u > 0 && unfilledBottom[u - 1] > close)) {
      apply(lo, close, knownAtIndex, knownAtTimeMillis, knownAt5mIndex, listener);
    }
  }

  private void apply(
      double lo,
      double close,
      int knownAtIndex,
      long knownAtTimeMillis,
      int knownAt5mIndex,
      StrategyEventListener listener) {
    int n = openSize;
    double[] tops = openTop;
    while (n > 0 && tops[n - 1] >= lo) {
      n--;
      FairValueGap gap = openRef[n];
      openRef[n] = null;
      if (emits) {
        listener.onEvent(
            new FairValueGapEvent(
                FvgChange.TOUCHED, gap, knownAtIndex, knownAtTimeMillis, knownAt5mIndex));
      }
    }
    openSize = n;
    int u = unfilledSize;
    double[] bottoms = unfilledBottom;
    while (u > 0 && bottoms[u - 1] > close) {
      u--;
      FairValueGap gap = unfilledRef[u];
      unfilledRef[u] = null;
      if (emits) {
        listener.onEvent(
            new FairValueGapEvent(
                FvgChange.FILLED, gap, knownAtIndex, knownAtTimeMillis, knownAt5mIndex));
      }
    }
    unfilledSize = u;
  }

  /**
   * Adds a gap completed at the current bar (after {@link #update} for that bar).
   *
   * @param originIndex the first candle's index
   * @param originTimeMillis the first candle's open time
   * @param bottom the directional bottom ({@code hi[i-2]})
   * @param top the directional top ({@code lo[i]})
   * @return the gap in real prices
   */
  public FairValueGap add(int originIndex, long originTimeMillis, double bottom, double top) {
    FairValueGap gap =
        bullish
            ? new FairValueGap(timeframe, direction, originIndex, originTimeMillis, bottom, top)
            : new FairValueGap(timeframe, direction, originIndex, originTimeMillis, -top, -bottom);
    if (openSize == openTop.length) {
      openTop = Arrays.copyOf(openTop, openSize * 2);
      openRef = Arrays.copyOf(openRef, openSize * 2);
    }
    openTop[openSize] = top;
    openRef[openSize] = gap;
    openSize++;
    if (unfilledSize == unfilledBottom.length) {
      int cap = unfilledSize * 2;
      unfilledBottom = Arrays.copyOf(unfilledBottom, cap);
      unfilledTop = Arrays.copyOf(unfilledTop, cap);
      unfilledRef = Arrays.copyOf(unfilledRef, cap);
    }
    int pos = unfilledSize;
    while (pos > 0 && unfilledBottom[pos - 1] > bottom) {
      unfilledBottom[pos] = unfilledBottom[pos - 1];
      unfilledTop[pos] = unfilledTop[pos - 1];
      unfilledRef[pos] = unfilledRef[pos - 1];
      pos--;
    }
    unfilledBottom[pos] = bottom;
    unfilledTop[pos] = top;
    unfilledRef[pos] = gap;
    unfilledSize++;
    return gap;
  }

  /** Returns the number of unfilled gaps. */
  public int unfilledCount() {
    return unfilledSize;
  }

  /** Returns the number of untouched gaps. */
  public int untouchedCount() {
    return openSize;
  }

  /**
   * Chooses the POI among the unfilled gaps whose middle candle lies in {@code [fromMiddle,
   * toMiddle]}: the largest positive overlap with the directional zone {@code [zoneLow, zoneHigh]};
   * ties go to the overlap whose midpoint is nearest {@code golden}, then to the earlier gap. After
   * a hit, {@link #overlapLow()} and {@link #overlapHigh()} give the chosen overlap.
   *
   * @return the chosen gap's position for {@link #unfilledGap}, or {@code -1} when no gap overlaps
   */
  public int bestOverlap(
      int fromMiddle, int toMiddle, double zoneLow, double zoneHigh, double golden) {
    int best = -1;
    double bestWidth = 0;
    double bestDistance = 0;
    int bestOrigin = 0;
    for (int p = 0; p < unfilledSize; p++) {
      FairValueGap gap = unfilledRef[p];
      int middle = gap.middleIndex();
      if (middle < fromMiddle || middle > toMiddle) {
        continue;
      }
      double low = Math.max(unfilledBottom[p], zoneLow);
      double high = Math.min(unfilledTop[p], zoneHigh);
      double width = high - low;
      if (!(width > 0)) {
        continue;
      }
      double distance = Math.abs((low + high) / 2 - golden);
      boolean better;
      if (best < 0 || width > bestWidth) {
        better = true;
      } else if (width < bestWidth) {
        better = false;
      } else if (distance != bestDistance) {
        better = distance < bestDistance;
      } else {
        better = gap.originIndex() < bestOrigin;
      }
      if (better) {
        best = p;
        bestWidth = width;
        bestDistance = distance;
        bestOrigin = gap.originIndex();
        overlapLow = low;
        overlapHigh = high;
      }
    }
    return best;
  }

  /**
   * Returns the directional low of the overlap chosen by the last successful {@link #bestOverlap}.
   */
  public double overlapLow() {
    return overlapLow;
  }

  /**
   * Returns the directional high of the overlap chosen by the last successful {@link #bestOverlap}.
   */
  public double overlapHigh() {
    return overlapHigh;
  }

  /** Returns the unfilled gap at a position. */
  public FairValueGap unfilledGap(int position) {
    return unfilledRef[position];
  }

  /** Returns the directional bottom of the unfilled gap at a position. */
  public double unfilledBottom(int position) {
    return unfilledBottom[position];
  }

  /** Returns the directional top of the unfilled gap at a position. */
  public double unfilledTop(int position) {
    return unfilledTop[position];
  }
}
