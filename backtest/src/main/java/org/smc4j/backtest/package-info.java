/**
 * smc4j's event-driven backtester: a CSV replay of closed candles of many symbols, merged in time
 * order, drives the same strategy engine as the live scanner; its signals become orders at a
 * simulated broker with realistic fills, fees, slippage and funding; every signal and trade is
 * journaled, and metrics and an HTML report are produced.
 */
package org.smc4j.backtest;
