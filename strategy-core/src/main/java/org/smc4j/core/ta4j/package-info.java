/**
 * ta4j 0.21 adapters of the strategy engine: {@link org.smc4j.core.ta4j.StrategySeries} runs the
 * {@link org.smc4j.core.engine.StrategyEngine} over a ta4j {@code BarSeries} of closed 5m bars,
 * incrementally as bars are appended, and the indicators read its per-bar arrays:
 *
 * <ul>
 *   <li>{@link org.smc4j.core.ta4j.SwingPointIndicator}: latest known 5m or 15m swing high / low,
 *       or, over a {@link org.smc4j.core.ta4j.SwingSeries} that computes swings only, the latest
 *       known swing high / low of a series of any timeframe;
 *   <li>{@link org.smc4j.core.ta4j.BreakOfStructureIndicator}: the level broken at this bar;
 *   <li>{@link org.smc4j.core.ta4j.FairValueGapIndicator}: top / bottom of the latest unfilled gap;
 *   <li>{@link org.smc4j.core.ta4j.FibonacciLevelIndicator}: a price of the current leg;
 *   <li>{@link org.smc4j.core.ta4j.PointOfInterestIndicator}: top / bottom of the armed POI;
 *   <li>{@link org.smc4j.core.ta4j.EntrySignalIndicator}: the planned entry of a signal at this
 *       bar;
 *   <li>{@link org.smc4j.core.ta4j.EntrySignalRule}, {@link org.smc4j.core.ta4j.SignalExitRule} and
 *       {@link org.smc4j.core.ta4j.ConfluenceStrategyFactory} for ta4j's {@code BarSeriesManager}.
 * </ul>
 *
 * <p>Every value at index {@code i} is what was known at the close of 5m bar {@code i}: computed
 * from bars {@code 0..i} only, and never revised when bars are appended. "No value" is ta4j's
 * {@code NaN} (each indicator also has {@code hasValue(i)}); prices are converted with the series'
 * {@code NumFactory}, so a {@code DoubleNum} series gets exactly the engine's doubles. A {@code
 * StrategySeries} can record only the kinds of events its indicators need, which spares the engine
 * building the others.
 */
package org.smc4j.core.ta4j;
