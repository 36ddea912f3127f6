package org.smc4j.okx.fake;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A snapshot of one fill of the fake exchange.
 *
 * @param tradeId the trade id
 * @param billId the bill id
 * @param ordId the order
 * @param clOrdId the order's client id
 * @param instId the instrument
 * @param side {@code buy} or {@code sell}
 * @param fillPx the price
 * @param fillSz the contracts
 * @param fee the fee, negative = paid
 * @param fillPnl realised P&amp;L of the fill
 * @param execType {@code T} taker, {@code M} maker
 * @param fillTime the time
 */
public record FakeFill(
    String tradeId,
    String billId,
    String ordId,
    String clOrdId,
    String instId,
    String side,
    BigDecimal fillPx,
    BigDecimal fillSz,
    BigDecimal fee,
    BigDecimal fillPnl,
    String execType,
    Instant fillTime) {}
