package org.smc4j.core.instrument;

import java.util.Locale;
import java.util.Objects;

/** How a contract's profit and loss is computed (OKX field {@code ctType}). */
public enum ContractType {
  /**
   * Linear (USDT- or USDC-margined): one contract is {@code ctVal * ctMult} units of the base
   * currency and P&amp;L is {@code contracts * ctVal * ctMult * (exit - entry)} in the settle
   * currency.
   */
  LINEAR,
  /**
   * Inverse (coin-margined): one contract is worth {@code ctVal * ctMult} units of the quote
   * currency (e.g. 100 USD) and P&amp;L is paid in the base coin, {@code ctVal * ctMult * (1/entry
   * - 1/exit)}.
   */
  INVERSE;

  /**
   * Parses an OKX {@code ctType} value.
   *
   * @param value {@code linear} or {@code inverse}, case-insensitive
   * @return the contract type
   * @throws IllegalArgumentException when the value is neither
   */
  public static ContractType parse(String value) {
    Objects.requireNonNull(value, "value");
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "linear" -> LINEAR;
      case "inverse" -> INVERSE;
      default ->
          throw new IllegalArgumentException(
              "ctType must be linear or inverse, was \"" + value + "\"");
    };
  }
}
