package org.smc4j.exchange.okx.internal;

/** An OKX answer that parsed as JSON but lacks a field or carries an unreadable value. */
public final class MalformedAnswerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the field and value
   */
  public MalformedAnswerException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   * @param cause the parse failure
   */
  public MalformedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
