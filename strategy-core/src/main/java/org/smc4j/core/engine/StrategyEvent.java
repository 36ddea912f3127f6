package org.smc4j.core.engine;

import org.smc4j.core.bar.Timeframe;

/**
 * Something the strategy engine found, reported at the close at which it became known.
 *
 * <p>Every event carries two stamps. The <em>origin</em> is where the thing sits on the chart (a
 * swing's pivot bar, a gap's first candle, a leg's start bar); the <em>known-at</em> stamp is the
 * bar at whose close it became known. Indices count bars of the event's own {@link #timeframe()}
 * from 0 (the first bar given to the engine, or the first complete 15m bar): 5m bar indices for 5m
 * things, 15m bar indices for 15m things. {@link #knownAt5mIndex()} is always the 5m bar index at
 * whose close the engine reported the event, so events of both timeframes can be aligned. Origin
 * times are bar open times, known-at times are bar close times, both epoch ms UTC. Always {@code
 * originIndex() <= knownAtIndex()}.
 */
public sealed interface StrategyEvent
    permits SwingPointEvent,
        StructureBreakEvent,
        ImpulseLegEvent,
        FairValueGapEvent,
        PoiArmedEvent,
        PoiTappedEvent,
        PoiDeadEvent,
        EntrySignal {

  /**
   * Returns the timeframe whose bar indices {@link #originIndex()} and {@link #knownAtIndex()}
   * count.
   */
  Timeframe timeframe();

  /** Returns the index of the bar where the thing sits, in {@link #timeframe()} bars. */
  int originIndex();

  /** Returns the open time of the origin bar, epoch ms UTC. */
  long originTimeMillis();

  /**
   * Returns the index of the bar at whose close the event became known, in {@link #timeframe()}
   * bars.
   */
  int knownAtIndex();

  /** Returns the close time of the bar at whose close the event became known, epoch ms UTC. */
  long knownAtTimeMillis();

  /** Returns the 5m bar index at whose close the engine reported the event. */
  int knownAt5mIndex();
}
