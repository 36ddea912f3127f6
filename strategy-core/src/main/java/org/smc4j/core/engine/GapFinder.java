package org.smc4j.core.engine;

import org.smc4j.core.engine.internal.FvgBook;
import org.smc4j.core.engine.internal.SwingWindow;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.fvg.FvgChange;

/**
 * The fair value gap rule of STRATEGY.md section 4 on a directional window, for both timeframes: a
 * gap completed at bar {@code i} spans {@code [hi(i - 2), lo(i)]} and counts when it is at least
 * one tick and {@code minGapAtr} ATRs of its timeframe wide.
 */
final class GapFinder {

  /** Relative tolerance on "at least one tick", absorbing binary rounding of decimal prices. */
  private static final double TICK_TOLERANCE = 1e-6;

  private final double minGapTicks;
  private final double minGapAtr;
  private final StrategyEventListener listener;

  GapFinder(double tickSize, double minGapAtr, StrategyEventListener listener) {
    this.minGapTicks = tickSize * (1 - TICK_TOLERANCE);
    this.minGapAtr = minGapAtr;
    this.listener = listener;
  }

  /**
   * Tells whether the bar at {@code index} completes a gap of valid size in the directional window
   * (its bottom is {@code w.hi(index - 2)}, its top {@code w.lo(index)}).
   */
  boolean isGap(SwingWindow w, int index, double atr) {
    if (index < 2) {
      return false;
    }
    double size = w.lo(index) - w.hi(index - 2);
    return size > 0 && size >= minGapTicks && size >= minGapAtr * atr;
  }

  /** Adds the gap completed at {@code index} to the book, reported when the book emits. */
  void add(FvgBook book, SwingWindow w, int index, long closeTime, int i5) {
    FairValueGap gap = book.add(index - 2, w.time(index - 2), w.hi(index - 2), w.lo(index));
    if (book.emits()) {
      listener.onEvent(new FairValueGapEvent(FvgChange.CREATED, gap, index, closeTime, i5));
    }
  }
}
