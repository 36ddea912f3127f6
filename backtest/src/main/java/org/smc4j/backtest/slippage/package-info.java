/**
 * Slippage of taker fills: {@link org.smc4j.backtest.slippage.SlippageModel} with fixed-tick
 * (default one tick), percent-of-price and ATR-fraction implementations.
 */
package org.smc4j.backtest.slippage;
