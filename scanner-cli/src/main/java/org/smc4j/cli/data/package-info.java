/**
 * The {@code smc4j data} commands: {@code check} (validation report of candle and funding CSV
 * files) and {@code resample} (aggregate to a longer timeframe, write canonical CSV).
 */
package org.smc4j.cli.data;
