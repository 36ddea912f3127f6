package org.smc4j.marketdata.okx.internal;

/**
 * A failed attempt that may succeed when tried again: HTTP 429, OKX code 50011, HTTP 5xx, a
 * timeout, a connection error, or a body that is malformed, truncated or empty. Never leaves the
 * {@code okx} package tree: the caller that gives up wraps the last one into a {@link
 * org.smc4j.marketdata.MarketDataException} (an {@link
 * org.smc4j.marketdata.okx.OkxUnreachableException} when the request never reached OKX).
 */
public final class RetryableFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean unreachable;

  /**
   * Creates the failure of an attempt that reached OKX (or a proxy in front of it).
   *
   * @param message what went wrong in this attempt
   * @param cause the underlying exception, may be null when the failure is an HTTP status
   */
  public RetryableFailure(String message, Throwable cause) {
    this(message, cause, false);
  }

  private RetryableFailure(String message, Throwable cause, boolean unreachable) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  /**
   * Creates the failure of an attempt that never reached OKX: the host name did not resolve, the
   * connection was refused or could not be opened in time.
   *
   * @param message what went wrong in this attempt
   * @param cause the underlying exception
   * @return the failure
   */
  public static RetryableFailure unreachable(String message, Throwable cause) {
    return new RetryableFailure(message, cause, true);
  }

  /** Returns true when the attempt never reached OKX (no connection). */
  public boolean isUnreachable() {
    return unreachable;
  }
}
