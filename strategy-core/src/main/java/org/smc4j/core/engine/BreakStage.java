package org.smc4j.core.engine;

import java.util.Set;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.internal.SwingWindow;
import org.smc4j.core.structure.BreakType;

/**
 * The 15m structure (STRATEGY.md sections 1 and 2): registers the 15m swings as break candidates
 * (the most recent swing of a side, with the lowest directional low since its pivot, the future leg
 * start) and tests each 15m close against the candidate as it stood at the previous close. A
 * confirmed break is reported here and its kind and strength are left in {@link #type()} and {@link
 * #decisive()} for the leg that it starts; the candidate stays readable on its {@link
 * DirectionState}.
 */
final class BreakStage {

  private final StrategyEventListener listener;
  private final boolean emitBreak;
  private final boolean emitSwing15;
  private final int confirmBars;
  private final double minBreakAtr;
  private final double decisiveBreakAtr;

  /** The sign of the last break, 0 before the first: the next one in the same sign is a BOS. */
  private int lastBreakSign;

  private BreakType type;
  private boolean decisive;

  BreakStage(StrategyConfig config, StrategyEventListener listener, Set<StrategyEventKind> kinds) {
    this.listener = listener;
    this.emitBreak = kinds.contains(StrategyEventKind.STRUCTURE_BREAK);
    this.emitSwing15 = kinds.contains(StrategyEventKind.SWING_15M);
    this.confirmBars = config.breaks().confirmBars();
    this.minBreakAtr = config.breaks().minAtr();
    this.decisiveBreakAtr = config.score().decisiveBreakAtr();
  }

  /** Returns the kind of the break last confirmed by {@link #test}. */
  BreakType type() {
    return type;
  }

  /** Returns whether the break last confirmed cleared {@code decisiveBreakAtr} ATRs. */
  boolean decisive() {
    return decisive;
  }

  /**
   * Tests the 15m close {@code k} against the side's candidate (directional prices).
   *
   * @return true when it confirms a break (then reported, and the candidate used up)
   */
  boolean test(
      DirectionState d,
      int k,
      long t,
      long closeTime,
      int i5,
      double dl,
      double dc,
      boolean atrReady,
      double atr) {
    if (!d.hasCandidate) {
      return false;
    }
    if (dl <= d.candidateMinLow) {
      d.candidateMinLow = dl;
      d.candidateMinLowIndex = k;
      d.candidateMinLowTime = t;
    }
    if (!(dc > d.candidateLevel)) {
      d.candidateRun = 0;
      return false;
    }
    d.candidateRun++;
    return confirm(d, k, t, closeTime, i5, dc, atrReady, atr);
  }

  /** The rest of {@link #test}, out of line: the close is beyond the candidate level. */
  private boolean confirm(
      DirectionState d,
      int k,
      long t,
      long closeTime,
      int i5,
      double dc,
      boolean atrReady,
      double atr) {
    double level = d.candidateLevel;
    if (d.candidateRun < confirmBars || !atrReady || dc - level < minBreakAtr * atr) {
      return false;
    }
    type = lastBreakSign == 0 || lastBreakSign == d.sign ? BreakType.BOS : BreakType.CHOCH;
    lastBreakSign = d.sign;
    decisive = dc - level >= decisiveBreakAtr * atr;
    int s = d.sign;
    if (emitBreak) {
      listener.onEvent(
          new StructureBreakEvent(
              d.direction,
              type,
              s * level,
              d.candidateIndex,
              d.candidateTime,
              s * dc,
              atr,
              decisive,
              k,
              t,
              closeTime,
              i5));
    }
    d.hasCandidate = false;
    return true;
  }

  /**
   * Registers the swing at pivot {@code p}, known at the 15m close {@code k}, as the side's new
   * candidate (reported as a swing point); the run of confirming closes restarts.
   */
  void registerSwing(DirectionState d, int p, int k, long closeTime, int i5) {
    SwingWindow w = d.w15;
    double level = w.hi(p);
    long pivotTime = w.time(p);
    if (emitSwing15) {
      listener.onEvent(
          new SwingPointEvent(
              Timeframe.M15, d.swingType, d.sign * level, p, pivotTime, k, closeTime, i5));
    }
    d.hasCandidate = true;
    d.candidateLevel = level;
    d.candidateIndex = p;
    d.candidateTime = pivotTime;
    d.candidateRun = 0;
    double min = Double.POSITIVE_INFINITY;
    int minIndex = p;
    for (int q = p; q <= k; q++) {
      double x = w.lo(q);
      if (x <= min) {
        min = x;
        minIndex = q;
      }
    }
    d.candidateMinLow = min;
    d.candidateMinLowIndex = minIndex;
    d.candidateMinLowTime = w.time(minIndex);
  }
}
