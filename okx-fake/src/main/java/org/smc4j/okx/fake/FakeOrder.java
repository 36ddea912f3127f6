package org.smc4j.okx.fake;

import java.math.BigDecimal;

/**
 * A snapshot of one regular order of the fake exchange.
 *
 * @param ordId the exchange id
 * @param clOrdId the client id, empty for orders spawned by an algo or closed another way
 * @param instId the instrument
 * @param side {@code buy} or {@code sell}
 * @param ordType the order type
 * @param sz the size in contracts
 * @param px the limit price, zero for market orders
 * @param state {@code live}, {@code partially_filled}, {@code filled} or {@code canceled}
 * @param accFillSz the filled contracts
 * @param avgPx the average fill price, zero before a fill
 * @param reduceOnly whether reduce-only
 * @param attachAlgoClOrdId the attached TP/SL's client id, empty if none
 * @param attachFailCode why the attached TP/SL was not created, empty if it was or is pending
 * @param tag the tag
 * @param cancelSource why it was cancelled ({@code 1} by the user, {@code 20} cancel-all-after),
 *     empty otherwise
 */
public record FakeOrder(
    String ordId,
    String clOrdId,
    String instId,
    String side,
    String ordType,
    BigDecimal sz,
    BigDecimal px,
    String state,
    BigDecimal accFillSz,
    BigDecimal avgPx,
    boolean reduceOnly,
    String attachAlgoClOrdId,
    String attachFailCode,
    String tag,
    String cancelSource) {}
