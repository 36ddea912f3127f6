package org.smc4j.exchange.okx.preflight;

/** What a pre-flight problem is about (OKX-TRADING.md section 15.2). */
public enum ProblemKind {
  /** The local clock is too far from OKX's. */
  CLOCK_OFFSET,
  /** The API key has no {@code trade} permission. */
  NO_TRADE_PERMISSION,
  /** The account's position mode differs from the setting. */
  POSITION_MODE,
  /** The margin mode setting is not supported in the account mode. */
  MARGIN_MODE_UNSUPPORTED,
  /** OKX refused the key (any HTTP 401). */
  UNAUTHORIZED,
  /** The journal was made in another environment (demo vs live). */
  ENVIRONMENT_MISMATCH,
  /** A pre-flight call failed, so a check could not be made. */
  CALL_FAILED
}
