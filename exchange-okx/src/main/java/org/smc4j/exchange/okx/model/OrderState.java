package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The {@code state} of a regular order. */
public enum OrderState {
  /** Working, nothing filled. */
  LIVE("live"),
  /** Working, partly filled. */
  PARTIALLY_FILLED("partially_filled"),
  /** Completely filled (terminal). */
  FILLED("filled"),
  /** Cancelled, possibly after partial fills (terminal). */
  CANCELED("canceled"),
  /** Cancelled by market maker protection (terminal). */
  MMP_CANCELED("mmp_canceled");

  private final String wire;

  OrderState(String wire) {
    this.wire = wire;
  }

  /** Tells whether the order can no longer fill. */
  public boolean isTerminal() {
    return this == FILLED || this == CANCELED || this == MMP_CANCELED;
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
  public static OrderState fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (OrderState value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown OrderState '" + wire + "'");
  }
}
