package org.smc4j.core.engine;

import java.util.Set;
import org.smc4j.core.engine.internal.FvgBook;
import org.smc4j.core.poi.PoiDeathReason;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.structure.BreakType;

/**
 * The point of interest (STRATEGY.md section 5): chosen once, at the close that freezes the leg, as
 * the largest overlap of a leg gap with the Fibonacci zone; alive until a close beyond the leg
 * start, its gap's fill, a newer break or its age kills it. Its bounds are kept in directional
 * prices for {@link EntryStage}, which reads them directly.
 */
final class PoiStage {

  private final StrategyEventListener listener;
  private final boolean emitPoi;
  private final boolean continuationOnly;
  private final double fibZoneStart;
  private final double fibGolden;
  private final double fibZoneEnd;
  private final double retestAtr;
  private final int maxAgeBars;

  /** The live POI, or null. */
  PointOfInterest poi;

  /** The live POI's side, or null. */
  DirectionState side;

  double bottom;
  double top;
  private double fvgBottom;
  private double legStart;
  double legEnd;
  private int armedIndex;
  int armed5mIndex;

  PoiStage(StrategyConfig config, StrategyEventListener listener, Set<StrategyEventKind> kinds) {
    this.listener = listener;
    this.emitPoi = kinds.contains(StrategyEventKind.POI);
    this.continuationOnly = config.breaks().continuationOnly();
    this.fibZoneStart = config.fib().zoneStart();
    this.fibGolden = config.fib().golden();
    this.fibZoneEnd = config.fib().zoneEnd();
    this.retestAtr = config.score().retestAtr();
    this.maxAgeBars = config.poi().maxAgeBars();
  }

  /** Kills the live POI on a 15m close {@code c} beyond its leg start or below its gap. */
  void onContextClose(double c, int k, long closeTime, int i5) {
    if (poi == null) {
      return;
    }
    double dc = side.sign * c;
    if (dc < legStart) {
      kill(PoiDeathReason.CLOSE_BEYOND_LEG_START, k, closeTime, i5);
    } else if (dc < fvgBottom) {
      kill(PoiDeathReason.FVG_FILLED, k, closeTime, i5);
    }
  }

  /** Kills the live POI when the 15m close {@code k} is {@code maxAgeBars} after its arming. */
  void checkAge(int k, long closeTime, int i5) {
    if (poi != null && k - armedIndex >= maxAgeBars) {
      kill(PoiDeathReason.MAX_AGE, k, closeTime, i5);
    }
  }

  /** Returns whether a POI is alive. */
  boolean alive() {
    return poi != null;
  }

  /**
   * Chooses and arms the POI of the leg that froze at the 15m close {@code k} (closing at {@code
   * close}); it dies at once when that close is already beyond the leg start.
   *
   * @return true when a POI was armed (even one that died at once)
   */
  boolean arm(LegStage leg, int k, long closeTime, int i5, double close, double atr) {
    DirectionState d = leg.side;
    if (continuationOnly && leg.type == BreakType.CHOCH) {
      return false;
    }
    double range = leg.end - leg.start;
    double zoneHigh = leg.end - fibZoneStart * range;
    double zoneLow = leg.end - fibZoneEnd * range;
    double golden = leg.end - fibGolden * range;
    FvgBook book = d.fvg15;
    int pos = book.bestOverlap(leg.startIndex, leg.endIndex, zoneLow, zoneHigh, golden);
    if (pos < 0) {
      return false;
    }
    double low = book.overlapLow();
    double high = book.overlapHigh();
    double gapBottom = book.unfilledBottom(pos);
    double gapTop = book.unfilledTop(pos);
    boolean goldenPocket = gapBottom <= golden && golden <= gapTop;
    double tolerance = retestAtr * atr;
    boolean retest = leg.brokenLevel >= low - tolerance && leg.brokenLevel <= high + tolerance;
    int s = d.sign;
    poi =
        new PointOfInterest(
            (s > 0 ? "poi-L-" : "poi-S-") + closeTime,
            d.direction,
            s > 0 ? low : -high,
            s > 0 ? high : -low,
            book.unfilledGap(pos),
            leg.leg(),
            k,
            closeTime,
            i5,
            atr,
            goldenPocket,
            retest);
    side = d;
    bottom = low;
    top = high;
    fvgBottom = gapBottom;
    legStart = leg.start;
    legEnd = leg.end;
    armedIndex = k;
    armed5mIndex = i5;
    if (emitPoi) {
      listener.onEvent(new PoiArmedEvent(poi));
    }
    if (s * close < leg.start) {
      kill(PoiDeathReason.CLOSE_BEYOND_LEG_START, k, closeTime, i5);
    }
    return true;
  }

  /** Reports the live POI's death and forgets it. */
  void kill(PoiDeathReason reason, int k, long closeTime, int i5) {
    if (emitPoi) {
      listener.onEvent(new PoiDeadEvent(poi, reason, k, closeTime, i5));
    }
    poi = null;
    side = null;
  }
}
