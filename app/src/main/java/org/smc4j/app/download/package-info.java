/**
 * {@code download}: closed OKX candles into one canonical CSV per symbol and timeframe, resumable,
 * gaps reported and never filled ({@link org.smc4j.app.download.DownloadJob}).
 */
package org.smc4j.app.download;
