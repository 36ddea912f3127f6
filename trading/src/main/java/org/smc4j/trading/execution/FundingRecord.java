package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One funding bill, journaled once (its {@code billId} is the key).
 *
 * @param billId the exchange's bill id
 * @param tradeKey the trade whose holding window contains it, empty when none
 * @param instId the instrument
 * @param pnl the amount: negative = paid, positive = received (the exchange's sign)
 * @param ts the settlement time
 */
public record FundingRecord(
    String billId, String tradeKey, String instId, BigDecimal pnl, Instant ts) {

  /** Validates that no component is null. */
  public FundingRecord {
    Objects.requireNonNull(billId, "billId");
    Objects.requireNonNull(tradeKey, "tradeKey");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(pnl, "pnl");
    Objects.requireNonNull(ts, "ts");
  }
}
