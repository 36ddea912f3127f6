package org.smc4j.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one contract loses when stopped out, in the settle currency (taken as dollars).
 *
 * @param priceMove {@code |entry - stop| * ctVal * ctMult}
 * @param slippage {@code slippage * ctVal * ctMult}: the stop fills beyond the stop price
 * @param entryFee {@code entryRate * entry * ctVal * ctMult}
 * @param exitFee {@code takerRate * stopFill * ctVal * ctMult}, at the slipped stop fill
 */
public record LossBreakdown(
    BigDecimal priceMove, BigDecimal slippage, BigDecimal entryFee, BigDecimal exitFee) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException when a part is negative or the total is not positive
   */
  public LossBreakdown {
    requireNonNegative("priceMove", priceMove);
    requireNonNegative("slippage", slippage);
    requireNonNegative("entryFee", entryFee);
    requireNonNegative("exitFee", exitFee);
    if (priceMove.add(slippage).add(entryFee).add(exitFee).signum() <= 0) {
      throw new IllegalArgumentException("loss per contract must be > 0, was 0");
    }
  }

  /** Returns the loss of one contract, all-in: price move, slippage and both fees. */
  public BigDecimal total() {
    return priceMove.add(slippage).add(entryFee).add(exitFee);
  }

  /** Returns both fees together. */
  public BigDecimal fees() {
    return entryFee.add(exitFee);
  }

  private static void requireNonNegative(String field, BigDecimal value) {
    Objects.requireNonNull(value, field);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, was " + value.toPlainString());
    }
  }
}
