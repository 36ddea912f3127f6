/**
 * Candle validation: {@link org.smc4j.marketdata.validate.CandleValidator} turns raw rows of one or
 * more files into a {@link org.smc4j.core.bar.BarArrays} series and a {@link
 * org.smc4j.marketdata.validate.ValidationReport} of gaps, duplicate and out-of-order times, OHLC
 * violations, non-finite or negative values, off-grid bars, price outliers ({@link
 * org.smc4j.marketdata.validate.PriceOutlierRule}) and zero-volume bars. Strict mode fails on the
 * first problem ({@code file:line: field: what is wrong}); lenient mode drops only invalid rows and
 * lists them. Gaps are reported, never filled.
 */
package org.smc4j.marketdata.validate;
