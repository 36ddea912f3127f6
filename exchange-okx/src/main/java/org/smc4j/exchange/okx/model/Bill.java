package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One account bill ({@code GET /api/v5/account/bills}); funding is type {@code 8} (subType {@code
 * 173} expense, {@code 174} income) with the amount in {@code pnl}.
 *
 * @param billId OKX's bill id (unique; the journal key)
 * @param instId the instrument
 * @param instType the instrument type
 * @param ccy the currency
 * @param type bill type
 * @param subType bill sub-type
 * @param pnl P&amp;L (funding amount for type 8)
 * @param fee fee
 * @param balChg balance change
 * @param bal balance after
 * @param px price (mark price for funding)
 * @param sz size (position contracts for funding)
 * @param mgnMode margin mode
 * @param ordId order id (types 2, 5, 9 only)
 * @param ts bill time
 */
public record Bill(
    String billId,
    String instId,
    String instType,
    String ccy,
    String type,
    String subType,
    BigDecimal pnl,
    BigDecimal fee,
    BigDecimal balChg,
    BigDecimal bal,
    Optional<BigDecimal> px,
    Optional<BigDecimal> sz,
    String mgnMode,
    String ordId,
    Instant ts) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public Bill {
    Objects.requireNonNull(billId, "billId");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(instType, "instType");
    Objects.requireNonNull(ccy, "ccy");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subType, "subType");
    Objects.requireNonNull(pnl, "pnl");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(balChg, "balChg");
    Objects.requireNonNull(bal, "bal");
    Objects.requireNonNull(px, "px");
    Objects.requireNonNull(sz, "sz");
    Objects.requireNonNull(mgnMode, "mgnMode");
    Objects.requireNonNull(ordId, "ordId");
    Objects.requireNonNull(ts, "ts");
  }

  /** OKX's bill type for funding fees. */
  public static final String TYPE_FUNDING = "8";

  /** Tells whether this is a funding fee bill. */
  public boolean isFunding() {
    return TYPE_FUNDING.equals(type);
  }
}
