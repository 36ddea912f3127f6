package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.smc4j.core.signal.OrderAction;

/**
 * One fill ({@code GET /api/v5/trade/fills}).
 *
 * @param instId the instrument
 * @param tradeId OKX's trade id; negative for liquidation and ADL fills
 * @param ordId the order
 * @param clOrdId the order's client id, empty for orders spawned by an algo
 * @param billId the bill id (page key)
 * @param tag the tag
 * @param side buy or sell
 * @param posSide the position side
 * @param fillPx fill price
 * @param fillSz filled contracts
 * @param fillPnl realised P&amp;L of the fill
 * @param fee fee, negative = paid
 * @param feeCcy fee currency
 * @param execType {@code T} taker or {@code M} maker
 * @param subType bill sub-type (not relied on)
 * @param fillTime execution time (sort by it)
 * @param ts OKX's record time
 */
public record Fill(
    String instId,
    String tradeId,
    String ordId,
    String clOrdId,
    String billId,
    String tag,
    OrderAction side,
    PositionSide posSide,
    BigDecimal fillPx,
    BigDecimal fillSz,
    BigDecimal fillPnl,
    BigDecimal fee,
    String feeCcy,
    String execType,
    String subType,
    Instant fillTime,
    Instant ts) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public Fill {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(ordId, "ordId");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(billId, "billId");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(fillPx, "fillPx");
    Objects.requireNonNull(fillSz, "fillSz");
    Objects.requireNonNull(fillPnl, "fillPnl");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(feeCcy, "feeCcy");
    Objects.requireNonNull(execType, "execType");
    Objects.requireNonNull(subType, "subType");
    Objects.requireNonNull(fillTime, "fillTime");
    Objects.requireNonNull(ts, "ts");
  }

  /** Tells whether this is a liquidation or ADL fill (OKX gives those a negative trade id). */
  public boolean liquidationOrAdl() {
    return tradeId.startsWith("-");
  }
}
