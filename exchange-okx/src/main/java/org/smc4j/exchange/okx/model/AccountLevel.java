package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The account mode {@code acctLv}. */
public enum AccountLevel {
  /** Spot mode (no derivatives). */
  SPOT("1"),
  /** Futures (single-currency margin) mode. */
  FUTURES("2"),
  /** Multi-currency margin mode. */
  MULTI_CURRENCY("3"),
  /** Portfolio margin mode. */
  PORTFOLIO("4");

  private final String wire;

  AccountLevel(String wire) {
    this.wire = wire;
  }

  /** Returns the value as OKX writes it. */
  public String wire() {
    return wire;
  }

  /**
   * Reads OKX's value.
   *
   * @param wire the value as OKX writes it
   * @return the constant
   * @throws IllegalArgumentException when OKX's value is not one of this type's
   */
  public static AccountLevel fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (AccountLevel value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown AccountLevel '" + wire + "'");
  }
}
