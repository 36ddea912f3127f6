/**
 * The OKX v5 adapter: {@link org.smc4j.marketdata.okx.OkxMarketData} (top USDT swaps by 24 h
 * volume, closed candles, paged history) with one shared {@link
 * org.smc4j.marketdata.okx.OkxRateLimiter} budget per endpoint group and bounded retries. XChange
 * types stay inside this package tree; the API speaks smc4j records only. A candle is returned only
 * once it has closed.
 */
package org.smc4j.marketdata.okx;
