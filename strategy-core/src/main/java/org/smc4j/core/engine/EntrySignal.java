package org.smc4j.core.engine;

import java.util.Objects;
import java.util.OptionalDouble;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.ConfidenceScore;
import org.smc4j.core.signal.OrderType;
import org.smc4j.core.signal.Side;
import org.smc4j.core.signal.TriggerType;

/**
 * An entry signal (STRATEGY.md section 6), made at the close of the 5m trigger bar (its known-at
 * bar); its origin is the tap bar. Stop, target and second target are computed from the planned
 * entry at the signal, as a live bot must.
 *
 * <p>Long: {@code stop < entry < target}; short mirrors it. MSS signals plan a market order at the
 * next 5m open (planned entry = the trigger close); FVG signals plan a limit order at the 5m gap's
 * far edge (long: its top), cancelled if the POI dies ({@link PoiDeadEvent}) or price reaches the
 * target before it fills.
 *
 * @param id a deterministic identifier: side letter and the signal bar's close time, e.g. {@code
 *     sig-L-1735700400000}; stable across restarts that replay the same candles
 * @param side long or short
 * @param trigger MSS or FVG
 * @param orderType market (MSS) or limit (FVG)
 * @param entry the planned entry price
 * @param stop the stop: the extreme 5m price from the tap bar through the signal bar, beyond by
 *     {@code max(stopBufferTicks * tick, stopBufferAtr * atr)}
 * @param target {@code entry + rewardRisk * (entry - stop)}
 * @param secondTarget the leg end, when enabled and beyond the entry; empty otherwise
 * @param score the confidence score
 * @param poi the POI (its id, bounds, FVG, leg with start, end and broken level)
 * @param tapIndex the 5m index of the tap bar
 * @param tapTimeMillis the tap bar's open time
 * @param triggerLevel MSS: the 5m swing price closed beyond; FVG: the 5m gap's near edge (long: its
 *     bottom, inside the POI)
 * @param triggerOriginIndex MSS: the 5m swing's pivot index; FVG: the 5m gap's first candle index
 * @param atr the 5m ATR at the signal bar
 * @param signalIndex the 5m index of the trigger bar, at whose close the signal became known
 * @param signalTimeMillis the trigger bar's open time
 * @param knownAtTimeMillis the trigger bar's close time
 */
public record EntrySignal(
    String id,
    Side side,
    TriggerType trigger,
    OrderType orderType,
    double entry,
    double stop,
    double target,
    OptionalDouble secondTarget,
    ConfidenceScore score,
    PointOfInterest poi,
    int tapIndex,
    long tapTimeMillis,
    double triggerLevel,
    int triggerOriginIndex,
    double atr,
    int signalIndex,
    long signalTimeMillis,
    long knownAtTimeMillis)
    implements StrategyEvent {

  /**
   * Validates the signal.
   *
   * @throws IllegalArgumentException when a price is not finite, the stop or a target is on the
   *     wrong side of the entry, or the tap is after the signal
   */
  public EntrySignal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(orderType, "orderType");
    Objects.requireNonNull(secondTarget, "secondTarget");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(poi, "poi");
    if (!Double.isFinite(entry) || !Double.isFinite(stop) || !Double.isFinite(target)) {
      throw new IllegalArgumentException(
          "entry, stop and target must be finite, were " + entry + ", " + stop + ", " + target);
    }
    int s = side.sign();
    if (!(s * stop < s * entry)) {
      throw new IllegalArgumentException(
          side
              + " stop must be on the losing side of the entry, was stop "
              + stop
              + " entry "
              + entry);
    }
    if (!(s * target > s * entry)) {
      throw new IllegalArgumentException(
          side
              + " target must be on the winning side of the entry, was target "
              + target
              + " entry "
              + entry);
    }
    if (secondTarget.isPresent() && !(s * secondTarget.getAsDouble() > s * entry)) {
      throw new IllegalArgumentException(
          side
              + " second target must be on the winning side of the entry, was "
              + secondTarget.getAsDouble()
              + " entry "
              + entry);
    }
    if (tapIndex >= signalIndex) {
      throw new IllegalArgumentException(
          "tapIndex must be < signalIndex, was " + tapIndex + " >= " + signalIndex);
    }
  }

  /** Returns the planned risk per unit, {@code |entry - stop|}. */
  public double risk() {
    return Math.abs(entry - stop);
  }

  /** Returns the id of the POI the signal came from. */
  public String poiId() {
    return poi.id();
  }

  @Override
  public Timeframe timeframe() {
    return Timeframe.M5;
  }

  /** Returns the tap bar index: a signal's setup starts at the tap. */
  @Override
  public int originIndex() {
    return tapIndex;
  }

  @Override
  public long originTimeMillis() {
    return tapTimeMillis;
  }

  @Override
  public int knownAtIndex() {
    return signalIndex;
  }

  @Override
  public int knownAt5mIndex() {
    return signalIndex;
  }
}
