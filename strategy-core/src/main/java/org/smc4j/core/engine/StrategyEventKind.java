package org.smc4j.core.engine;

import org.smc4j.core.bar.Timeframe;

/**
 * The kinds of {@link StrategyEvent}, for a listener to say which ones it wants ({@link
 * StrategyEventListener#kinds()}). The engine does not even build events of unwanted kinds, which
 * keeps a signals-only consumer nearly allocation-free; without {@link #SWING_5M} and {@link
 * #FVG_5M} it also computes the 5m swings and gaps only on the bars where an entry trigger reads
 * them. The events a listener gets are the same whatever else it wants.
 */
public enum StrategyEventKind {
  /** {@link SwingPointEvent} of the 5m series. */
  SWING_5M,
  /** {@link SwingPointEvent} of the 15m series. */
  SWING_15M,
  /** {@link StructureBreakEvent}. */
  STRUCTURE_BREAK,
  /** {@link ImpulseLegEvent}. */
  IMPULSE_LEG,
  /** {@link FairValueGapEvent} of the 5m series. */
  FVG_5M,
  /** {@link FairValueGapEvent} of the 15m series. */
  FVG_15M,
  /** {@link PoiArmedEvent}, {@link PoiTappedEvent} and {@link PoiDeadEvent}. */
  POI,
  /** {@link EntrySignal}. */
  ENTRY_SIGNAL;

  /**
   * Returns the kind of an event.
   *
   * @param event the event
   * @return its kind
   */
  public static StrategyEventKind of(StrategyEvent event) {
    return switch (event) {
      case SwingPointEvent s -> s.timeframe().equals(Timeframe.M5) ? SWING_5M : SWING_15M;
      case StructureBreakEvent b -> STRUCTURE_BREAK;
      case ImpulseLegEvent l -> IMPULSE_LEG;
      case FairValueGapEvent f -> f.timeframe().equals(Timeframe.M5) ? FVG_5M : FVG_15M;
      case PoiArmedEvent a -> POI;
      case PoiTappedEvent t -> POI;
      case PoiDeadEvent d -> POI;
      case EntrySignal e -> ENTRY_SIGNAL;
    };
  }
}
