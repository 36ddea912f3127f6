/**
 * {@code smc4j scan}: the live OKX scan loop ({@link org.smc4j.cli.scan.ScanCommand}), its
 * per-symbol strategy feeds, signal publishing (console, JSON lines, SQLite journal, alerts) and
 * {@code --replay} over recorded candles on a simulated clock.
 */
package org.smc4j.cli.scan;
