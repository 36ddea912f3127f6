package org.smc4j.exchange.okx.rate;

import java.time.Duration;

/**
 * OKX's published rate limits of the endpoints this client calls (OKX-TRADING.md section 12; OKX
 * docs, each endpoint's page). Each rule is one budget; place, amend and cancel are independent.
 */
public enum RateRule {
  /** {@code POST /trade/order}: 60 per 2 s per UID and instrument. */
  PLACE_ORDER(60, Duration.ofSeconds(2), RateScope.UID_INSTRUMENT),
  /** {@code POST /trade/cancel-order}: 60 per 2 s per UID and instrument. */
  CANCEL_ORDER(60, Duration.ofSeconds(2), RateScope.UID_INSTRUMENT),
  /** {@code POST /trade/amend-order}: 60 per 2 s per UID and instrument. */
  AMEND_ORDER(60, Duration.ofSeconds(2), RateScope.UID_INSTRUMENT),
  /** {@code GET /trade/order}: 60 per 2 s per UID and instrument. */
  GET_ORDER(60, Duration.ofSeconds(2), RateScope.UID_INSTRUMENT),
  /** {@code GET /trade/orders-pending}: 60 per 2 s per UID. */
  ORDERS_PENDING(60, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /trade/orders-history}: 40 per 2 s per UID. */
  ORDERS_HISTORY(40, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /trade/fills}: 60 per 2 s per UID. */
  FILLS(60, Duration.ofSeconds(2), RateScope.UID),
  /** {@code POST /trade/order-algo}: 20 per 2 s per UID and instrument. */
  PLACE_ALGO(20, Duration.ofSeconds(2), RateScope.UID_INSTRUMENT),
  /** {@code POST /trade/cancel-algos}: 20 orders per 2 s per UID and instrument. */
  CANCEL_ALGOS(20, Duration.ofSeconds(2), RateScope.UID_INSTRUMENT),
  /** {@code POST /trade/close-position}: 20 per 2 s per UID and instrument. */
  CLOSE_POSITION(20, Duration.ofSeconds(2), RateScope.UID_INSTRUMENT),
  /** {@code GET /trade/order-algo}: 20 per 2 s per UID. */
  GET_ALGO(20, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /trade/orders-algo-pending}: 20 per 2 s per UID. */
  ALGOS_PENDING(20, Duration.ofSeconds(2), RateScope.UID),
  /** {@code POST /trade/cancel-all-after}: 1 per 1 s per UID and tag. */
  CANCEL_ALL_AFTER(1, Duration.ofSeconds(1), RateScope.UID_TAG),
  /** {@code GET /account/positions}: 10 per 2 s per UID. */
  POSITIONS(10, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /account/positions-history}: 10 per 2 s per UID. */
  POSITIONS_HISTORY(10, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /account/balance}: 10 per 2 s per UID. */
  BALANCE(10, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /account/bills}: 5 per 1 s per UID. */
  BILLS(5, Duration.ofSeconds(1), RateScope.UID),
  /** {@code GET /account/config}: 5 per 2 s per UID. */
  ACCOUNT_CONFIG(5, Duration.ofSeconds(2), RateScope.UID),
  /** {@code POST /account/set-leverage}: 20 per 2 s per UID. */
  SET_LEVERAGE(20, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /account/leverage-info}: 20 per 2 s per UID. */
  LEVERAGE_INFO(20, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /account/max-size}: 20 per 2 s per UID. */
  MAX_SIZE(20, Duration.ofSeconds(2), RateScope.UID),
  /** {@code GET /public/time}: 10 per 2 s per IP. */
  PUBLIC_TIME(10, Duration.ofSeconds(2), RateScope.IP),
  /** {@code GET /public/price-limit}: 20 per 2 s per IP. */
  PRICE_LIMIT(20, Duration.ofSeconds(2), RateScope.IP),
  /** {@code GET /public/instruments}: 20 per 2 s per IP. */
  INSTRUMENTS(20, Duration.ofSeconds(2), RateScope.IP);

  private final int permits;
  private final Duration window;
  private final RateScope scope;

  RateRule(int permits, Duration window, RateScope scope) {
    this.permits = permits;
    this.window = window;
    this.scope = scope;
  }

  /** Returns how many requests OKX allows per {@link #window()}. */
  public int permits() {
    return permits;
  }

  /** Returns the window OKX counts {@link #permits()} in. */
  public Duration window() {
    return window;
  }

  /** Returns what OKX counts the limit per. */
  public RateScope scope() {
    return scope;
  }
}
