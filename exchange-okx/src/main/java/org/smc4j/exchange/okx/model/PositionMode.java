package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The account's {@code posMode}. */
public enum PositionMode {
  /** One signed position per instrument. */
  NET("net_mode"),
  /** Separate long and short positions. */
  LONG_SHORT("long_short_mode");

  private final String wire;

  PositionMode(String wire) {
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
  public static PositionMode fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (PositionMode value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown PositionMode '" + wire + "'");
  }
}
