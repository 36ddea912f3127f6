package org.smc4j.okx.fake;

import java.math.BigDecimal;

/**
 * A snapshot of one net-mode position of the fake exchange.
 *
 * @param instId the instrument
 * @param pos signed contracts (negative = short)
 * @param avgPx the average entry price
 */
public record FakePosition(String instId, BigDecimal pos, BigDecimal avgPx) {}
