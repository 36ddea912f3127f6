/**
 * The {@code smc4j detect} command: the strategy engine over candle files, every event written as
 * CSV (one file per event kind) with origin and known-at stamps, and a summary per symbol.
 */
package org.smc4j.cli.detect;
