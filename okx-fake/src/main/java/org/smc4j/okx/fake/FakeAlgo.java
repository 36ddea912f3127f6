package org.smc4j.okx.fake;

import java.math.BigDecimal;

/**
 * A snapshot of one algo order of the fake exchange.
 *
 * @param algoId the exchange id
 * @param algoClOrdId the client id
 * @param instId the instrument
 * @param ordType {@code oco} or {@code conditional}
 * @param side the closing side
 * @param sz the size in contracts
 * @param state {@code live}, {@code effective} or {@code canceled}
 * @param slTriggerPx the SL trigger, zero if none
 * @param tpTriggerPx the TP trigger, zero if none
 * @param reduceOnly whether reduce-only
 * @param cxlOnClosePos whether cancelled when the position is closed
 * @param tag the tag (empty for algos spawned from an attached TP/SL)
 */
public record FakeAlgo(
    String algoId,
    String algoClOrdId,
    String instId,
    String ordType,
    String side,
    BigDecimal sz,
    String state,
    BigDecimal slTriggerPx,
    BigDecimal tpTriggerPx,
    boolean reduceOnly,
    boolean cxlOnClosePos,
    String tag) {}
