package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The margin mode of an order ({@code tdMode}) or position ({@code mgnMode}). */
public enum MarginMode {
  /** Cross margin. */
  CROSS("cross"),
  /** Isolated margin. */
  ISOLATED("isolated");

  private final String wire;

  MarginMode(String wire) {
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
  public static MarginMode fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (MarginMode value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown MarginMode '" + wire + "'");
  }
}
