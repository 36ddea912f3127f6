package org.smc4j.risk;

import java.math.BigDecimal;
import java.util.Objects;
import org.smc4j.core.instrument.Liquidity;

/**
 * Trading fee rates as fractions of notional (0.0005 = 0.05 %). Rebates (negative maker rates) are
 * not modelled: a sizer that counted on a rebate would risk more than its target when the rebate
 * does not apply, so rates are {@code >= 0}.
 *
 * @param makerRate the rate for orders that rest on the book, in {@code [0, 0.01)}
 * @param takerRate the rate for orders that take liquidity, in {@code [0, 0.01)}
 */
public record FeeSchedule(BigDecimal makerRate, BigDecimal takerRate) {

  /** Rates of 1 % or more are rejected: they are almost always a percent typed as a fraction. */
  private static final BigDecimal MAX_RATE_EXCLUSIVE = new BigDecimal("0.01");

  /**
   * OKX regular-user (Lv1) perpetual swap rates: maker 0.02 %, taker 0.05 % of notional. Source:
   * STRATEGY.md section 9 and the commonly published OKX fee schedule for perpetuals (okx.com/fees,
   * "Futures / perpetual" table, Lv1); real account rates come from {@code GET
   * /api/v5/account/trade-fee?instType=SWAP}, where a negative value means a fee is charged.
   */
  public static final FeeSchedule OKX_DEFAULT =
      new FeeSchedule(new BigDecimal("0.0002"), new BigDecimal("0.0005"));

  /**
   * Validates the rates.
   *
   * @throws IllegalArgumentException when a rate is negative or {@code >= 0.01}
   * @throws NullPointerException when a rate is null
   */
  public FeeSchedule {
    check("makerRate", makerRate);
    check("takerRate", takerRate);
  }

  /**
   * Returns the rate paid by an order of the given liquidity.
   *
   * @param liquidity maker or taker
   * @return the fee rate as a fraction of notional
   */
  public BigDecimal rate(Liquidity liquidity) {
    Objects.requireNonNull(liquidity, "liquidity");
    return liquidity == Liquidity.MAKER ? makerRate : takerRate;
  }

  private static void check(String field, BigDecimal rate) {
    Objects.requireNonNull(rate, field);
    if (rate.signum() < 0 || rate.compareTo(MAX_RATE_EXCLUSIVE) >= 0) {
      throw new IllegalArgumentException(
          field
              + " must be in [0, 0.01) as a fraction of notional (0.0005 = 0.05 %), was "
              + rate.toPlainString());
    }
  }
}
