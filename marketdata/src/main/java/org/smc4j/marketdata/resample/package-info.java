/**
 * Resampling candles into a longer timeframe ({@link
 * org.smc4j.marketdata.resample.CandleResampler}): epoch-aligned buckets, complete buckets only,
 * incomplete ones reported.
 */
package org.smc4j.marketdata.resample;
