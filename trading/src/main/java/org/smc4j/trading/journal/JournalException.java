package org.smc4j.trading.journal;

/** A journal could not be opened, written or read; the cause is kept. */
public final class JournalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the file
   * @param cause the underlying error
   */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message what failed, naming the file
   */
  public JournalException(String message) {
    super(message);
  }
}
