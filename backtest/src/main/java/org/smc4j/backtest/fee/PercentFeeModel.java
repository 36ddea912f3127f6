package org.smc4j.backtest.fee;

import java.util.Objects;
import org.smc4j.core.instrument.Liquidity;

/**
 * A fee proportional to notional, with one rate for makers and one for takers.
 *
 * @param makerRate the maker fee as a fraction of notional ({@code 0.0002} = 0.02 %), in {@code [0,
 *     0.01]}
 * @param takerRate the taker fee as a fraction of notional, in {@code [0, 0.01]}
 */
public record PercentFeeModel(double makerRate, double takerRate) implements FeeModel {

  /**
   * Validates the rates. Rebates (negative maker rates) are not modelled.
   *
   * @throws IllegalArgumentException when a rate is not finite or outside {@code [0, 0.01]}
   */
  public PercentFeeModel {
    checkRate("makerRate", makerRate);
    checkRate("takerRate", takerRate);
  }

  private static void checkRate(String name, double rate) {
    if (!Double.isFinite(rate) || rate < 0 || rate > 0.01) {
      throw new IllegalArgumentException(
          name + " must be a fraction in [0, 0.01] (0.0005 = 0.05 %), was " + rate);
    }
  }

  @Override
  public double fee(double notional, Liquidity liquidity) {
    Objects.requireNonNull(liquidity, "liquidity");
    if (!Double.isFinite(notional) || notional < 0) {
      throw new IllegalArgumentException("notional must be finite and >= 0, was " + notional);
    }
    return notional * (liquidity == Liquidity.MAKER ? makerRate : takerRate);
  }
}
