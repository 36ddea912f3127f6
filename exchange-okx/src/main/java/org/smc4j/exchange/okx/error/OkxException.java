package org.smc4j.exchange.okx.error;

import java.util.Objects;

/** Thrown when a caller asks a failed result for its value; carries the structured error. */
public final class OkxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The error; records are serializable when their components are, this one is not needed. */
  private final transient OkxError error;

  /**
   * Creates the exception.
   *
   * @param error the failure
   */
  public OkxException(OkxError error) {
    super(Objects.requireNonNull(error, "error").describe());
    this.error = error;
  }

  /**
   * Returns the failure.
   *
   * @return the structured error
   */
  public OkxError error() {
    return error;
  }
}
