package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trading account balance ({@code GET /api/v5/account/balance}).
 *
 * @param totalEq total equity in USD
 * @param uTime OKX's update time
 * @param details per-currency details
 */
public record Balance(BigDecimal totalEq, Instant uTime, List<BalanceDetail> details) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public Balance {
    Objects.requireNonNull(totalEq, "totalEq");
    Objects.requireNonNull(uTime, "uTime");
    details = List.copyOf(Objects.requireNonNull(details, "details"));
  }

  /**
   * Returns one currency's detail.
   *
   * @param ccy the currency, e.g. {@code USDT}
   * @return its detail, or empty when the account holds none
   */
  public Optional<BalanceDetail> detail(String ccy) {
    return details.stream().filter(d -> d.ccy().equals(ccy)).findFirst();
  }
}
