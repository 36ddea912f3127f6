/**
 * Client-side rate limiting for the OKX client: {@link org.smc4j.exchange.okx.rate.RateRule} lists
 * OKX's published limits per endpoint and {@link org.smc4j.exchange.okx.rate.OkxRateLimiter} keeps
 * one token bucket per rule and instrument (or tag) at half of them, on an injected clock and
 * {@link org.smc4j.exchange.okx.rate.Sleeper}.
 */
package org.smc4j.exchange.okx.rate;
