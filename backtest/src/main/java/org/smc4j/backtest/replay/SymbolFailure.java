package org.smc4j.backtest.replay;

import java.util.Objects;

/**
 * A symbol the backtest could not replay; the other symbols' results stand.
 *
 * @param symbol the instrument
 * @param message what went wrong
 */
public record SymbolFailure(String symbol, String message) {

  /** Validates that no component is null. */
  public SymbolFailure {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(message, "message");
  }
}
