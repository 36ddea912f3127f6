/**
 * Candle CSV files: {@link org.smc4j.marketdata.csv.CandleCsvReader} reads the Binance kline
 * archive, the timestamp/OHLCV layout of the Bybit files and smc4j's canonical CSV (detected by
 * header, see {@link org.smc4j.marketdata.csv.CsvFormat}) into validated columnar candle sets;
 * {@link org.smc4j.marketdata.csv.CanonicalCandleCsvWriter} writes the canonical CSV, also
 * incrementally.
 */
package org.smc4j.marketdata.csv;
