package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The {@code ordType} of a regular order. */
public enum OrderType {
  /** Market order (rests at the band edge). */
  MARKET("market"),
  /** Limit order. */
  LIMIT("limit"),
  /** Limit order that is cancelled instead of taking liquidity. */
  POST_ONLY("post_only"),
  /** Fill or kill. */
  FOK("fok"),
  /** Immediate or cancel. */
  IOC("ioc"),
  /** Limit at the band edge, rest cancelled. */
  OPTIMAL_LIMIT_IOC("optimal_limit_ioc");

  private final String wire;

  OrderType(String wire) {
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
  public static OrderType fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (OrderType value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown OrderType '" + wire + "'");
  }
}
