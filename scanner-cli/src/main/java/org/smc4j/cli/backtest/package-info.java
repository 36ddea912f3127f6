/**
 * {@code smc4j backtest}: replays candle CSV files through the live strategy engine and the
 * simulated broker, and writes the SQLite journal, its CSV and .xlsx exports and the HTML report.
 */
package org.smc4j.cli.backtest;
