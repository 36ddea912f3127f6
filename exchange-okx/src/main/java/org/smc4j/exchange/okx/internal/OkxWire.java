package org.smc4j.exchange.okx.internal;

import java.util.Objects;
import org.smc4j.core.signal.OrderAction;

/** OKX's wire values of the strategy-core types the model uses. */
public final class OkxWire {

  private OkxWire() {}

  /**
   * Writes an order side.
   *
   * @param action buy or sell
   * @return {@code buy} or {@code sell}
   */
  public static String action(OrderAction action) {
    return switch (Objects.requireNonNull(action, "action")) {
      case BUY -> "buy";
      case SELL -> "sell";
    };
  }

  /**
   * Reads an order side.
   *
   * @param wire {@code buy} or {@code sell}
   * @return the action
   * @throws IllegalArgumentException for any other value
   */
  public static OrderAction action(String wire) {
    return switch (Objects.requireNonNull(wire, "wire")) {
      case "buy" -> OrderAction.BUY;
      case "sell" -> OrderAction.SELL;
      default -> throw new IllegalArgumentException("side must be buy or sell, was '" + wire + "'");
    };
  }
}
