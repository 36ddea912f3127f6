package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One exchange fill, journaled once (its {@code tradeId} is the key).
 *
 * @param tradeId the exchange's trade id; negative for liquidation and ADL fills
 * @param tradeKey the trade it was assigned to, empty when none
 * @param instId the instrument
 * @param ordId the exchange order id
 * @param clOrdId the client id, empty for orders spawned by an algo or placed elsewhere
 * @param side buy or sell
 * @param fillPx the price
 * @param fillSz contracts
 * @param fillPnl realised P&amp;L of the fill
 * @param fee fee, negative = paid (the exchange's sign)
 * @param fillTime execution time
 */
public record FillRecord(
    String tradeId,
    String tradeKey,
    String instId,
    String ordId,
    String clOrdId,
    String side,
    BigDecimal fillPx,
    BigDecimal fillSz,
    BigDecimal fillPnl,
    BigDecimal fee,
    Instant fillTime) {

  /** Validates that no component is null. */
  public FillRecord {
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(tradeKey, "tradeKey");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(ordId, "ordId");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(fillPx, "fillPx");
    Objects.requireNonNull(fillSz, "fillSz");
    Objects.requireNonNull(fillPnl, "fillPnl");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(fillTime, "fillTime");
  }

  /** Tells whether this is a liquidation or ADL fill (negative trade id). */
  public boolean liquidationOrAdl() {
    return tradeId.startsWith("-");
  }
}
