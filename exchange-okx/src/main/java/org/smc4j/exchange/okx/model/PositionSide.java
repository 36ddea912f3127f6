package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The position side: {@code net} in net mode, long or short in long/short mode. */
public enum PositionSide {
  /** Net mode. */
  NET("net"),
  /** The long side in long/short mode. */
  LONG("long"),
  /** The short side in long/short mode. */
  SHORT("short");

  private final String wire;

  PositionSide(String wire) {
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
  public static PositionSide fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (PositionSide value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown PositionSide '" + wire + "'");
  }
}
