/**
 * Market data for smc4j: candle files ({@code csv}), their validation ({@code validate}),
 * resampling ({@code resample}), funding-rate history ({@code funding}) and the OKX v5 adapter
 * ({@code okx}). Every failure surfaces as a {@link org.smc4j.marketdata.MarketDataException} with
 * its cause kept.
 */
package org.smc4j.marketdata;
