package org.smc4j.exchange.okx.auth;

import java.util.Objects;

/**
 * A credential value (API key, secret key or passphrase) that never shows itself: {@link
 * #toString()} prints a fixed mask, so a secret passed to a logger, an exception message or a
 * record's generated {@code toString} is not revealed. Only {@link OkxSigner} in this package reads
 * the value.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a credential value.
   *
   * @param value the value, not blank
   * @return the secret
   * @throws IllegalArgumentException when the value is blank (the message never contains it)
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret value must not be blank");
    }
    return new Secret(value);
  }

  /** Returns the value; package-private so that only the signer can read it. */
  String reveal() {
    return value;
  }

  /** Returns a fixed mask, never the value. */
  @Override
  public String toString() {
    return "Secret[****]";
  }
}
