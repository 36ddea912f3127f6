package org.smc4j.marketdata.okx.internal;

/**
 * A failed attempt that may succeed when tried again: HTTP 429, OKX code 50011, HTTP 5xx, a timeout
 * or a connection error. Never leaves the {@code okx} package tree: the caller that gives up wraps
 * the last one into a {@link org.smc4j.marketdata.MarketDataException}.
 */
public final class RetryableFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message what went wrong in this attempt
   * @param cause the underlying exception, may be null when the failure is an HTTP status
   */
  public RetryableFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
