/**
 * The event-driven replay: {@link org.smc4j.backtest.replay.BacktestEngine} merges many symbols'
 * closed candles in time order, drives the live scanner's strategy engine through {@link
 * org.smc4j.backtest.replay.StrategyEngineSignalSource} and {@link
 * org.smc4j.trading.plan.EntrySignalAdapter} (the one place where an engine signal becomes an
 * order), sizes with the risk module and simulates the orders at per-symbol brokers.
 */
package org.smc4j.backtest.replay;
