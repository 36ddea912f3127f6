/**
 * The scan loop over OKX (or recorded) closed candles ({@link org.smc4j.live.scan.ScanLoop}), its
 * per-symbol strategy feeds ({@link org.smc4j.live.scan.SymbolFeed}), signal publishing (console,
 * JSON lines, SQLite journal, alerts) and the simulated clock of {@code --replay}. The chart an
 * alert carries comes through the {@link org.smc4j.live.scan.SignalChartRenderer} port.
 */
package org.smc4j.live.scan;
