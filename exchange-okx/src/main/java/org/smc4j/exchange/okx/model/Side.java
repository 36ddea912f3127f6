package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The side of an order or fill. */
public enum Side {
  /** Buy. */
  BUY("buy"),
  /** Sell. */
  SELL("sell");

  private final String wire;

  Side(String wire) {
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
  public static Side fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (Side value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown Side '" + wire + "'");
  }
}
