/**
 * The strategy engine: {@link org.smc4j.core.engine.StrategyConfig}, the streaming {@link
 * org.smc4j.core.engine.StrategyEngine}, its sealed {@link org.smc4j.core.engine.StrategyEvent}
 * family and the batch {@link org.smc4j.core.engine.StrategyRun}. The events live in this package
 * (not beside their values in {@code core.structure}, {@code core.fvg}, {@code core.fib}, {@code
 * core.poi}, {@code core.signal}) because a sealed family outside a named module must share one
 * package.
 *
 * <h2>Indices and stamps</h2>
 *
 * 5m things carry 5m bar indices, 15m things 15m bar indices, both counted from 0 over the bars the
 * engine has actually seen (derived mode: complete 15m buckets only). Every event also carries
 * {@link org.smc4j.core.engine.StrategyEvent#knownAt5mIndex()}, the 5m bar at whose close it was
 * reported. Origin times are open times, known-at times close times (epoch ms UTC).
 *
 * <h2>Order of work within one 5m close</h2>
 *
 * <ol>
 *   <li>If this close completes a 15m candle (derived) or a supplied 15m candle is due, the 15m
 *       logic runs first, in this order: 15m gap touches and fills; POI deaths by a close beyond
 *       the leg start or by its gap's fill; break tests (bullish, then bearish) against the
 *       candidates as they stood at the previous close, each replacing the leg (and killing the
 *       POI); the open leg's freeze-at-retracement test, else its extension; POI death by age; new
 *       15m gaps; swing highs, then swing lows, known at this close (new candidates; a freeze of
 *       the leg by a new swing); and, if the leg froze at this close, the choice and arming of its
 *       POI.
 *   <li>Then the 5m logic: 5m gap touches and fills; new 5m gaps; 5m swing highs, then lows; the
 *       tap of the armed POI, or after the tap the MSS / FVG trigger.
 * </ol>
 *
 * So the 5m logic of a close sees POI deaths from the 15m close at the same instant, and never taps
 * a POI armed at that instant (the first possible tap is the next 5m bar).
 *
 * <h2>Stages</h2>
 *
 * {@code StrategyEngine} checks the input and runs the order above over package-private stages,
 * each holding its state in primitive fields and allocating nothing per bar (only the events and
 * the value snapshots they carry): {@code ContextCandleStage} (15m candles derived or supplied),
 * {@code BreakStage} (15m swings as break candidates, breaks), {@code LegStage} (impulse leg and
 * Fibonacci zone), {@code PoiStage} (POI choice and life) and {@code EntryStage} (5m swings and
 * gaps, tap, trigger, signal). {@code DirectionState} is one side's windows, gap books and
 * candidate, shared by the stages; {@code GapFinder} is the gap rule of both timeframes.
 *
 * <h2>Decisions where STRATEGY.md is silent</h2>
 *
 * <ol>
 *   <li><b>Break run.</b> The {@code confirmBars} closes are counted for the current candidate
 *       only; a new candidate (a newer swing) restarts the count. A run long enough but failing the
 *       {@code minBreakAtr} test can still break on a later close of the same run.
 *   <li><b>No ATR yet.</b> Before 15m bar {@code atrPeriod - 1} no break and no 15m gap is
 *       reported; swing points are (they need no ATR). Likewise no 5m gap or signal before 5m bar
 *       {@code atrPeriod - 1}; a tap is recorded but the trigger waits for the ATR.
 *   <li><b>Break versus leg update.</b> At a 15m close the break tests come first; when a break
 *       replaces the leg, the replaced leg is neither frozen nor extended by that close, and the
 *       new leg starts at that close (its freeze rules apply from the next close).
 *   <li><b>Leg events.</b> An {@link org.smc4j.core.engine.ImpulseLegEvent} is emitted on creation,
 *       on every extension, on the freeze and when replaced (frozen or not).
 *   <li><b>Freeze level.</b> The retracement that freezes the leg is {@code fibZoneStart} (0.5).
 *   <li><b>Gap states.</b> A bar that touches and fills a gap in one go reports {@code TOUCHED}
 *       then {@code FILLED}. Filled gaps are forgotten. A 5m gap's states are reported for
 *       information; only its creation can trigger an entry. "At least one tick" allows a relative
 *       tolerance of 1e-6 tick for binary rounding of decimal prices.
 *   <li><b>Gaps in the data.</b> Nothing is reset and no candle is invented. A 15m bucket missing
 *       any of its three 5m candles yields no 15m candle (so a series starting at :05 begins with
 *       the next quarter hour). Swings, gaps and ATR run over the bars present, as if consecutive.
 *       Supplied 15m candles are applied at the first 5m close at or after their close time.
 *   <li><b>POI death reasons.</b> When several apply at one close, the first in {@link
 *       org.smc4j.core.poi.PoiDeathReason} order is reported. Max age: the POI dies at the close of
 *       15m bar {@code armedIndex + poiMaxAgeBars} (15m bars counted, not wall time). A POI keeps
 *       being tracked after its signal, so its death (which cancels a pending limit entry) is
 *       reported.
 *   <li><b>continuationOnly.</b> A CHoCH still replaces and builds the leg (reported), but its
 *       freeze arms no POI.
 *   <li><b>Tap.</b> Only the first tap is reported; the stop's extreme is tracked from the tap bar.
 *   <li><b>MSS reference.</b> As for 15m breaks, the MSS tests the 5m swing as it stood at the
 *       previous close; a 5m swing known at this close is used from the next bar on (a close can
 *       never exceed a swing confirmed at the same close anyway). Only the most recent swing
 *       counts: if it became known at or before the tap bar, there is no MSS until a newer swing
 *       appears.
 *   <li><b>Displacement (point 5).</b> The trigger is MSS and the same bar completes any valid 5m
 *       gap in the trade's direction (inside the POI or not).
 *   <li><b>Second target.</b> Off by default; when on, present only if the leg end lies beyond the
 *       planned entry.
 *   <li><b>Identifiers.</b> Legs, POIs and signals have ids made of a kind, the side letter and the
 *       close time (epoch ms) at which they were created, armed or made; a restart that replays the
 *       same candles reproduces them.
 *   <li><b>Simultaneous swings.</b> A bar can be both a swing high and a swing low; the high is
 *       reported first.
 * </ol>
 */
package org.smc4j.core.engine;
