/**
 * Parameter sweeps over the backtest on one machine: a {@link org.smc4j.sweep.SweepSpec} (symbols,
 * windows, base settings, an indexable {@link org.smc4j.sweep.ParamGrid} over any strategy, risk,
 * guard or backtest parameter by its YAML key path, objective, minimum trades) is cut into {@link
 * org.smc4j.sweep.SweepTask}s (symbol, window, block of combinations) in one deterministic order;
 * the one kernel {@link org.smc4j.sweep.TaskExecutor} runs a task through the same {@code
 * BacktestEngine} and metrics as {@code smc4j backtest}; {@link org.smc4j.sweep.LocalSweepRunner}
 * runs the tasks on a thread pool over a per-process {@link org.smc4j.sweep.CandleCache}, and
 * {@link org.smc4j.sweep.CsvResultSink} stores each task's rows atomically so a crashed sweep
 * resumes where it stopped.
 */
package org.smc4j.sweep;
