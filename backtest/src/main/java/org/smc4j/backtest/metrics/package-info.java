/**
 * Backtest performance: {@link org.smc4j.backtest.metrics.PerformanceMetrics} per symbol and in
 * total (win rate, R, expectancy, profit factor, drawdown in $ and R, Sharpe and Sortino of daily
 * returns, exposure, fees, funding), and the {@link org.smc4j.backtest.metrics.EquityCurve}.
 */
package org.smc4j.backtest.metrics;
