package org.smc4j.marketdata.validate;

import java.io.Serial;
import org.smc4j.marketdata.MarketDataException;

/**
 * Strict validation found a problem in a candle or funding-rate file; the message is the first
 * problem as {@code file:line: field: what is wrong}.
 */
public class DataProblemException extends MarketDataException {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the problem, {@code file:line: field: what is wrong}
   */
  public DataProblemException(String message) {
    super(message);
  }
}
