package org.smc4j.backtest.fee;

import org.smc4j.core.instrument.Liquidity;

/**
 * Computes the exchange fee of one fill, in quote currency (USDT).
 *
 * <p>Implementations must return a finite, non-negative amount for every finite, non-negative
 * notional.
 */
public interface FeeModel {

  /**
   * OKX's regular-user (VIP 0) USDT-margined swap rates: maker 0.02 %, taker 0.05 % of notional.
   * Source: OKX fee schedule, "Perpetual / Expiry futures, Regular users, Lv1: Maker 0.020 %, Taker
   * 0.050 %" (okx.com/fees), the defaults of STRATEGY.md section 9.
   */
  FeeModel OKX_DEFAULT = new PercentFeeModel(0.0002, 0.0005);

  /**
   * Returns the fee of one fill.
   *
   * @param notional the fill's notional value in quote currency ({@code price * quantity}), {@code
   *     >= 0}
   * @param liquidity whether the fill made or took liquidity
   * @return the fee in quote currency, {@code >= 0}
   */
  double fee(double notional, Liquidity liquidity);
}
