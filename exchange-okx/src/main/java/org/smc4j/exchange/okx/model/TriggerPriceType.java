package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The price a TP/SL trigger watches. */
public enum TriggerPriceType {
  /** Last traded price (the backtester's model). */
  LAST("last"),
  /** Index price. */
  INDEX("index"),
  /** Mark price. */
  MARK("mark");

  private final String wire;

  TriggerPriceType(String wire) {
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
  public static TriggerPriceType fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (TriggerPriceType value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown TriggerPriceType '" + wire + "'");
  }
}
