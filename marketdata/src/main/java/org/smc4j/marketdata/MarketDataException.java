package org.smc4j.marketdata;

/**
 * A market-data operation failed: a file or venue could not be read, or what it returned was not
 * valid candle, ticker or instrument data. The cause, when there is one, is kept.
 */
public class MarketDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the file or endpoint and the rule broken
   */
  public MarketDataException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed, naming the file or endpoint and the rule broken
   * @param cause the underlying failure
   */
  public MarketDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
