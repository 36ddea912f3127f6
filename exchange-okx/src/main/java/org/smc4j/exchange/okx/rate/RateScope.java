package org.smc4j.exchange.okx.rate;

/** What OKX counts a rate limit per (OKX-TRADING.md section 12). */
public enum RateScope {
  /** Per source IP address (public endpoints). */
  IP,
  /** Per user id. */
  UID,
  /** Per user id and instrument: one bucket per {@code instId}. */
  UID_INSTRUMENT,
  /** Per user id and tag: one bucket per {@code tag}. */
  UID_TAG
}
