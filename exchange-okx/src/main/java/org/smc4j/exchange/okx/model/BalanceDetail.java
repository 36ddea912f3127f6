package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One currency of the trading account balance.
 *
 * @param ccy the currency
 * @param eq equity
 * @param cashBal cash balance
 * @param availBal available balance
 * @param availEq available equity, empty when OKX gives none
 * @param upl unrealised P&amp;L, empty when OKX gives none
 */
public record BalanceDetail(
    String ccy,
    BigDecimal eq,
    BigDecimal cashBal,
    BigDecimal availBal,
    Optional<BigDecimal> availEq,
    Optional<BigDecimal> upl) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public BalanceDetail {
    Objects.requireNonNull(ccy, "ccy");
    Objects.requireNonNull(eq, "eq");
    Objects.requireNonNull(cashBal, "cashBal");
    Objects.requireNonNull(availBal, "availBal");
    Objects.requireNonNull(availEq, "availEq");
    Objects.requireNonNull(upl, "upl");
  }
}
