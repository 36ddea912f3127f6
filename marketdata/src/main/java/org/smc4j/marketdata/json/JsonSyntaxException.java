package org.smc4j.marketdata.json;

import java.io.Serial;

/** Thrown by {@link JsonReader} when a text is not JSON; the message names line and column. */
public final class JsonSyntaxException extends IllegalArgumentException {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public JsonSyntaxException(String message) {
    super(message);
  }
}
