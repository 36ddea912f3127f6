package org.smc4j.core.engine;

import java.util.Set;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fib.LegChange;
import org.smc4j.core.structure.BreakType;

/**
 * The current impulse leg and its Fibonacci zone (STRATEGY.md section 3), in the directional prices
 * of its side: started by every break, extended by a higher 15m high, frozen by a retracement to
 * {@code fibZoneStart} or by a newer swing of its side. Its {@link ImpulseLeg} snapshot is built
 * only when an event or a POI needs it, once per change.
 */
final class LegStage {

  private final StrategyEventListener listener;
  private final boolean emitLeg;
  private final double fibZoneStart;
  private final double fibGolden;
  private final double fibZoneEnd;

  /** The leg's side, null before the first break. */
  DirectionState side;

  boolean frozen;
  private String id;
  BreakType type;
  double brokenLevel;
  private int brokenSwingIndex;
  private boolean decisive;
  private int breakIndex;
  double start;
  int startIndex;
  private long startTime;
  double end;
  int endIndex;
  private long endTime;
  private ImpulseLeg snapshot;

  LegStage(StrategyConfig config, StrategyEventListener listener, Set<StrategyEventKind> kinds) {
    this.listener = listener;
    this.emitLeg = kinds.contains(StrategyEventKind.IMPULSE_LEG);
    this.fibZoneStart = config.fib().zoneStart();
    this.fibGolden = config.fib().golden();
    this.fibZoneEnd = config.fib().zoneEnd();
  }

  /**
   * Replaces the leg (reported when there was one) by the one a break of the side's candidate
   * starts at the 15m close {@code k}: from the lowest low since the candidate's pivot to this
   * close's directional high {@code dh}.
   */
  void replace(
      DirectionState d,
      BreakType breakType,
      boolean breakDecisive,
      int k,
      long t,
      long closeTime,
      int i5,
      double dh) {
    if (side != null && emitLeg) {
      listener.onEvent(new ImpulseLegEvent(LegChange.REPLACED, leg(), k, closeTime, i5));
    }
    side = d;
    frozen = false;
    id = (d.sign > 0 ? "leg-L-" : "leg-S-") + closeTime;
    type = breakType;
    brokenLevel = d.candidateLevel;
    brokenSwingIndex = d.candidateIndex;
    decisive = breakDecisive;
    breakIndex = k;
    start = d.candidateMinLow;
    startIndex = d.candidateMinLowIndex;
    startTime = d.candidateMinLowTime;
    end = dh;
    endIndex = k;
    endTime = t;
    snapshot = null;
    if (emitLeg) {
      listener.onEvent(new ImpulseLegEvent(LegChange.CREATED, leg(), k, closeTime, i5));
    }
  }

  /**
   * Applies a 15m close that made no new leg: freezes an open leg whose retracement reached {@code
   * fibZoneStart}, else extends it to a strictly higher high.
   *
   * @return true when the leg froze at this close
   */
  boolean update(double h, double l, long t, int k, long closeTime, int i5) {
    DirectionState d = side;
    if (d == null || frozen) {
      return false;
    }
    double dh = d.sign > 0 ? h : -l;
    double dl = d.sign > 0 ? l : -h;
    double half = end - fibZoneStart * (end - start);
    if (dl <= half) {
      frozen = true;
      if (emitLeg) {
        listener.onEvent(
            new ImpulseLegEvent(LegChange.FROZEN_BY_RETRACEMENT, leg(), k, closeTime, i5));
      }
      return true;
    }
    if (dh > end) {
      end = dh;
      endIndex = k;
      endTime = t;
      snapshot = null;
      if (emitLeg) {
        listener.onEvent(new ImpulseLegEvent(LegChange.EXTENDED, leg(), k, closeTime, i5));
      }
    }
    return false;
  }

  /**
   * Freezes the open leg of side {@code d} when the swing at pivot {@code p}, known at the 15m
   * close {@code k}, lies after the break.
   *
   * @return true when the leg froze
   */
  boolean freezeBySwing(DirectionState d, int p, int k, long closeTime, int i5) {
    if (side != d || frozen || p <= breakIndex) {
      return false;
    }
    frozen = true;
    if (emitLeg) {
      listener.onEvent(new ImpulseLegEvent(LegChange.FROZEN_BY_NEW_SWING, leg(), k, closeTime, i5));
    }
    return true;
  }

  /** Returns the current leg's snapshot, built once per change and only when needed. */
  ImpulseLeg leg() {
    if (snapshot == null) {
      snapshot = snapshot();
    }
    return snapshot;
  }

  private ImpulseLeg snapshot() {
    int s = side.sign;
    double from = s * start;
    double to = s * end;
    return new ImpulseLeg(
        id,
        side.direction,
        type,
        s * brokenLevel,
        brokenSwingIndex,
        decisive,
        breakIndex,
        startIndex,
        startTime,
        from,
        endIndex,
        endTime,
        to,
        to - fibZoneStart * (to - from),
        to - fibGolden * (to - from),
        to - fibZoneEnd * (to - from));
  }
}
