package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The {@code ordType} of an algo order this client places or reads. */
public enum AlgoOrderType {
  /** One-way TP or SL. */
  CONDITIONAL("conditional"),
  /** TP and SL, one cancels the other. */
  OCO("oco"),
  /** Trigger order. */
  TRIGGER("trigger"),
  /** Trailing stop. */
  MOVE_ORDER_STOP("move_order_stop"),
  /** Chase order. */
  CHASE("chase"),
  /** TWAP order. */
  TWAP("twap"),
  /** Iceberg order. */
  SMART_ICEBERG("smart_iceberg"),
  /** Iceberg order (older name). */
  ICEBERG("iceberg");

  private final String wire;

  AlgoOrderType(String wire) {
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
  public static AlgoOrderType fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (AlgoOrderType value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown AlgoOrderType '" + wire + "'");
  }
}
