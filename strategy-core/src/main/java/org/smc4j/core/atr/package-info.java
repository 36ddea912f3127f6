/**
 * The average true range of STRATEGY.md ("ATR14", with the period a parameter): {@link
 * org.smc4j.core.atr.WilderAtr}, streaming and allocation-free. The strategy engine measures both
 * timeframes with it (period {@code strategy.atr-period}) and the backtest's ATR slippage model
 * measures the entry timeframe with it, so both read the same number.
 */
package org.smc4j.core.atr;
