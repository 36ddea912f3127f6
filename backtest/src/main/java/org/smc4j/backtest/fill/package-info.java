/**
 * When and at which price simulated orders fill on a candle: {@link
 * org.smc4j.backtest.fill.FillModel} and the default {@link
 * org.smc4j.backtest.fill.StandardFillModel} (market at the open, limit strictly through, stop at
 * the stop or the gapped open).
 */
package org.smc4j.backtest.fill;
