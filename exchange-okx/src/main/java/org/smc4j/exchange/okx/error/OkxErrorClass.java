package org.smc4j.exchange.okx.error;

/**
 * What an OKX answer (or a transport failure) means for the caller, from the table in
 * OKX-TRADING.md section 13. Decided on codes and HTTP status only, never on message text.
 */
public enum OkxErrorClass {
  /** Accepted ({@code code}/{@code sCode} {@code 0}); for writes "accepted", not "filled". */
  OK,
  /** Not executed and not worth retrying as is: a parameter, size, balance or mode problem. */
  DEFINITE_REJECT,
  /**
   * May have executed: endpoint or system timeout, busy, HTTP 5xx without JSON, socket timeout,
   * connection reset after sending, an unreadable body. Query before any retry.
   */
  AMBIGUOUS,
  /** Not executed because a rate limit was hit ({@code 50011}, {@code 50061}); back off. */
  RATE_LIMITED,
  /** Key, permission, environment or account problem: stop, never retry. */
  FATAL,
  /** {@code 50102}: the signed timestamp was too far from server time; re-measure and re-sign. */
  TIMESTAMP_EXPIRED,
  /** An earlier attempt with the same client id exists ({@code 51016}, {@code 51065}...). */
  ADOPT_EXISTING,
  /** The queried order does not exist ({@code 51603}): a normal answer of a query. */
  NOT_FOUND,
  /** A cancel or amend hit a finished or absent order ({@code 51400}, {@code 51503}): query. */
  QUERY,
  /** A TP/SL trigger is on the wrong side of the order, best or last price ({@code 51046}...). */
  STOP_CROSSED,
  /** A limit price is outside the price band ({@code 51006}, {@code 51137}, {@code 51138}). */
  PRICE_OUT_OF_BAND,
  /** The position to reduce is smaller or gone ({@code 51112}, {@code 51169}): reconcile. */
  POSITION_GONE,
  /** The instrument does not exist ({@code 51001}): refresh the instrument list. */
  INSTRUMENT_UNKNOWN,
  /** A setting cannot change while positions or orders are open ({@code 59000}...). */
  SETUP_BLOCKED,
  /** The request never left this process (connection refused, interrupted while waiting). */
  NOT_SENT;

  /**
   * Tells whether the request may have been executed by OKX although no success was seen.
   *
   * @return true for {@link #AMBIGUOUS} only
   */
  public boolean mayHaveExecuted() {
    return this == AMBIGUOUS;
  }
}
