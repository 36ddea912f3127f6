package org.smc4j.marketdata.okx;

import java.time.Duration;

/**
 * The OKX v5 public REST endpoint groups smc4j calls, each with OKX's documented rate limit (per
 * source IP, Nov 2025 docs: "Rate Limit: 40 requests per 2 seconds" for candles, 20 per 2 s for the
 * others).
 */
public enum OkxEndpoint {

  /** {@code GET /api/v5/market/candles}: the latest 1,440 bars, up to 300 per request. */
  CANDLES("/api/v5/market/candles", new RateBudget(40, Duration.ofSeconds(2))),

  /** {@code GET /api/v5/market/history-candles}: years of bars, up to 100 per request. */
  HISTORY_CANDLES("/api/v5/market/history-candles", new RateBudget(20, Duration.ofSeconds(2))),

  /** {@code GET /api/v5/market/tickers}: 24 h statistics of every instrument of a type. */
  TICKERS("/api/v5/market/tickers", new RateBudget(20, Duration.ofSeconds(2))),

  /** {@code GET /api/v5/public/instruments}: contract specifications. */
  INSTRUMENTS("/api/v5/public/instruments", new RateBudget(20, Duration.ofSeconds(2)));

  private final String path;
  private final RateBudget documentedBudget;

  OkxEndpoint(String path, RateBudget documentedBudget) {
    this.path = path;
    this.documentedBudget = documentedBudget;
  }

  /** Returns the request path, e.g. {@code /api/v5/market/candles}. */
  public String path() {
    return path;
  }

  /** Returns OKX's documented limit for this group. */
  public RateBudget documentedBudget() {
    return documentedBudget;
  }
}
