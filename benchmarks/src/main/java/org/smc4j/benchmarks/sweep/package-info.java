/**
 * Harnesses that time whole sweeps (seconds per run, not JMH's nanoseconds): {@link
 * org.smc4j.benchmarks.sweep.SweepComparison} runs the same grid of backtests through the sweep's
 * local runner on one and two threads, one by one through the backtest engine, and as ta4j's {@code
 * BacktestExecutor} over smc4j's ta4j strategy, alternating them round by round so that every
 * variant sees the same machine load. Run it from the benchmarks jar (see benchmarks/README.md).
 */
package org.smc4j.benchmarks.sweep;
