package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** The {@code state} of an algo order. */
public enum AlgoState {
  /** Waiting for its trigger. */
  LIVE("live"),
  /** Paused. */
  PAUSE("pause"),
  /** Partly triggered. */
  PARTIALLY_EFFECTIVE("partially_effective"),
  /** Triggered (terminal). */
  EFFECTIVE("effective"),
  /** Cancelled (terminal). */
  CANCELED("canceled"),
  /** Triggered but the order failed (terminal). */
  ORDER_FAILED("order_failed"),
  /** Partly failed (terminal). */
  PARTIALLY_FAILED("partially_failed");

  private final String wire;

  AlgoState(String wire) {
    this.wire = wire;
  }

  /** Tells whether the algo can no longer trigger. */
  public boolean isTerminal() {
    return this == EFFECTIVE
        || this == CANCELED
        || this == ORDER_FAILED
        || this == PARTIALLY_FAILED;
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
  public static AlgoState fromWire(String wire) {
    Objects.requireNonNull(wire, "wire");
    for (AlgoState value : values()) {
      if (value.wire.equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown AlgoState '" + wire + "'");
  }
}
