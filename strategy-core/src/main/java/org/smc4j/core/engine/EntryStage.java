package org.smc4j.core.engine;

import java.util.OptionalDouble;
import java.util.Set;
import org.smc4j.core.atr.WilderAtr;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.internal.SwingWindow;
import org.smc4j.core.signal.ConfidenceScore;
import org.smc4j.core.signal.OrderType;
import org.smc4j.core.signal.Side;
import org.smc4j.core.signal.TriggerType;

/**
 * The 5m close (STRATEGY.md section 6): the 5m swings and gaps, the first tap of the armed POI, and
 * after it the MSS or FVG trigger that makes the entry signal with its stop, target and confidence
 * score. An engine that keeps only signals computes 5m swings and gaps only on the trigger side of
 * a tapped POI, the only place they are read.
 */
final class EntryStage {

  private final StrategyEventListener listener;
  private final boolean emitSwing5;
  private final boolean emitFvg5;
  private final boolean emitPoi;
  private final boolean emitSignal;
  private final double stopBufferPrice;
  private final double stopBufferAtr;
  private final double rewardRisk;
  private final boolean secondTarget;
  private final DirectionState bull;
  private final DirectionState bear;
  private final WilderAtr atr5;
  private final GapFinder gaps;
  private final PoiStage pois;

  /** The live POI's progress, reset when a POI is armed. */
  private boolean tapped;

  private int tapIndex;
  private long tapTime;
  private double lowSinceTap;
  private boolean signalled;

  EntryStage(
      StrategyConfig config,
      double tickSize,
      StrategyEventListener listener,
      Set<StrategyEventKind> kinds,
      DirectionState bull,
      DirectionState bear,
      WilderAtr atr5,
      GapFinder gaps,
      PoiStage pois) {
    this.listener = listener;
    this.emitSwing5 = kinds.contains(StrategyEventKind.SWING_5M);
    this.emitFvg5 = kinds.contains(StrategyEventKind.FVG_5M);
    this.emitPoi = kinds.contains(StrategyEventKind.POI);
    this.emitSignal = kinds.contains(StrategyEventKind.ENTRY_SIGNAL);
    this.stopBufferPrice = config.stop().bufferTicks() * tickSize;
    this.stopBufferAtr = config.stop().bufferAtr();
    this.rewardRisk = config.exits().rewardRisk();
    this.secondTarget = config.exits().secondTarget();
    this.bull = bull;
    this.bear = bear;
    this.atr5 = atr5;
    this.gaps = gaps;
    this.pois = pois;
  }

  /** Starts the progress of a newly armed POI: not tapped, no signal. */
  void armed() {
    tapped = false;
    signalled = false;
  }

  /** Processes the 5m close of bar {@code i} (after the 15m logic of the same instant). */
  void onClose(int i, long t, long closeTime, double h, double l, double c) {
    bull.w5.push(h, l, t);
    bear.w5.push(-l, -h, t);
    DirectionState d = pois.side;
    if (emitFvg5 || emitSwing5) {
      withEvents(i, t, closeTime, h, l, c, d);
    } else if (d != null && !signalled) {
      // Signals-only: the 5m swings and gaps feed only the entry trigger of a tapped POI, on its
      // side, and only those known after the tap count, so they are computed only on the bars
      // where a trigger can happen. A swing or gap skipped elsewhere is never read.
      if (tapped) {
        trigger(d, i, t, closeTime, h, l, c);
      } else if (i > pois.armed5mIndex && (d.sign > 0 ? l : -h) <= pois.top) {
        entry(d, i, t, closeTime, h, l, c, false, 0, false, 0, 0);
      }
    }
  }

  /** The 5m close when 5m swings or gaps are wanted as events: both sides, every bar. */
  private void withEvents(
      int i, long t, long closeTime, double h, double l, double c, DirectionState d) {
    DirectionState up = bull;
    DirectionState down = bear;
    boolean atrReady = atr5.ready();
    double atr = atr5.value();
    boolean trigger = d != null && tapped && !signalled;
    boolean wantUp = trigger && d == up;
    boolean wantDown = trigger && d == down;

    boolean upGap = atrReady && (emitFvg5 || wantUp) && gaps.isGap(up.w5, i, atr);
    boolean downGap = atrReady && (emitFvg5 || wantDown) && gaps.isGap(down.w5, i, atr);
    up.newFvg = upGap;
    down.newFvg = downGap;
    if (emitFvg5) {
      trackFvg5(i, closeTime, h, l, c, upGap, downGap);
    }

    // The MSS reference is the swing as it stood at the previous close (as for 15m breaks).
    boolean mssKnown = trigger && d.hasSwing5 && d.swing5KnownAt > tapIndex;
    double mssLevel = d != null ? d.swing5Level : 0;
    int mssOrigin = d != null ? d.swing5Index : 0;

    if (emitSwing5 || wantUp) {
      registerSwing5(up, i, closeTime);
    }
    if (emitSwing5 || wantDown) {
      registerSwing5(down, i, closeTime);
    }

    if (d != null && !signalled) {
      entry(d, i, t, closeTime, h, l, c, atrReady, atr, mssKnown, mssLevel, mssOrigin);
    }
  }

  /** The 5m close of a signals-only engine while its POI is tapped: the trigger side only. */
  private void trigger(
      DirectionState d, int i, long t, long closeTime, double h, double l, double c) {
    boolean atrReady = atr5.ready();
    double atr = atr5.value();
    d.newFvg = atrReady && gaps.isGap(d.w5, i, atr);
    // The MSS reference is the swing as it stood at the previous close (as for 15m breaks).
    boolean mssKnown = d.hasSwing5 && d.swing5KnownAt > tapIndex;
    double mssLevel = d.swing5Level;
    int mssOrigin = d.swing5Index;
    registerSwing5(d, i, closeTime);
    entry(d, i, t, closeTime, h, l, c, atrReady, atr, mssKnown, mssLevel, mssOrigin);
  }

  /** 5m gaps are tracked only to report their states; the trigger needs just the new gap. */
  private void trackFvg5(
      int i, long closeTime, double h, double l, double c, boolean upGap, boolean downGap) {
    DirectionState up = bull;
    DirectionState down = bear;
    up.fvg5.update(l, c, i, closeTime, i, listener);
    down.fvg5.update(-h, -c, i, closeTime, i, listener);
    if (upGap) {
      gaps.add(up.fvg5, up.w5, i, closeTime, i);
    }
    if (downGap) {
      gaps.add(down.fvg5, down.w5, i, closeTime, i);
    }
  }

  private void registerSwing5(DirectionState d, int i, long closeTime) {
    SwingWindow w = d.w5;
    int p = w.pivotAtLatest();
    if (p < 0) {
      return;
    }
    double level = w.hi(p);
    if (emitSwing5) {
      listener.onEvent(
          new SwingPointEvent(
              Timeframe.M5, d.swingType, d.sign * level, p, w.time(p), i, closeTime, i));
    }
    d.hasSwing5 = true;
    d.swing5Level = level;
    d.swing5Index = p;
    d.swing5KnownAt = i;
  }

  private void entry(
      DirectionState d,
      int i,
      long t,
      long closeTime,
      double h,
      double l,
      double c,
      boolean atrReady,
      double atr,
      boolean mssKnown,
      double mssLevel,
      int mssOrigin) {
    int s = d.sign;
    double dl = s > 0 ? l : -h;
    PoiStage p = pois;
    if (!tapped) {
      if (i > p.armed5mIndex && dl <= p.top) {
        tapped = true;
        tapIndex = i;
        tapTime = t;
        lowSinceTap = dl;
        if (emitPoi) {
          listener.onEvent(new PoiTappedEvent(p.poi, i, t, closeTime, s * dl));
        }
      }
      return;
    }
    if (dl < lowSinceTap) {
      lowSinceTap = dl;
    }
    if (!atrReady) {
      return;
    }
    double dc = s * c;
    boolean mss = mssKnown && dc > mssLevel;
    boolean gapInPoi = d.newFvg && d.w5.hi(i - 2) >= p.bottom && d.w5.hi(i - 2) <= p.top;
    if (!mss && !gapInPoi) {
      return;
    }
    double entry = mss ? dc : d.w5.lo(i);
    double stop = lowSinceTap - Math.max(stopBufferPrice, stopBufferAtr * atr);
    double target = entry + rewardRisk * (entry - stop);
    OptionalDouble second =
        secondTarget && p.legEnd > entry ? OptionalDouble.of(s * p.legEnd) : OptionalDouble.empty();
    ConfidenceScore score =
        new ConfidenceScore(
            p.poi.leg().decisiveBreak(),
            true,
            p.poi.goldenPocket(),
            p.poi.structureRetest(),
            mss && d.newFvg);
    signalled = true;
    if (!emitSignal) {
      return;
    }
    listener.onEvent(
        new EntrySignal(
            (s > 0 ? "sig-L-" : "sig-S-") + closeTime,
            Side.of(d.direction),
            mss ? TriggerType.MSS : TriggerType.FVG,
            mss ? OrderType.MARKET : OrderType.LIMIT,
            s * entry,
            s * stop,
            s * target,
            second,
            score,
            p.poi,
            tapIndex,
            tapTime,
            mss ? s * mssLevel : s * d.w5.hi(i - 2),
            mss ? mssOrigin : i - 2,
            atr,
            i,
            t,
            closeTime));
  }
}
