package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One open position ({@code GET /api/v5/account/positions}).
 *
 * @param instId the instrument
 * @param instType {@code SWAP}, ...
 * @param mgnMode the margin mode
 * @param posSide net, long or short
 * @param posId OKX's position id
 * @param pos contracts; signed in net mode (negative = short)
 * @param avgPx average entry price
 * @param markPx mark price
 * @param liqPx estimated liquidation price
 * @param lever leverage
 * @param upl unrealised P&amp;L
 * @param realizedPnl realised P&amp;L = pnl + fee + fundingFee + liqPenalty + settledPnl (zero when
 *     OKX sends an empty value)
 * @param fee accumulated fee, negative = paid (zero when empty)
 * @param fundingFee accumulated funding (zero when empty)
 * @param cTime creation time
 * @param uTime update time
 */
public record Position(
    String instId,
    String instType,
    MarginMode mgnMode,
    PositionSide posSide,
    String posId,
    BigDecimal pos,
    Optional<BigDecimal> avgPx,
    Optional<BigDecimal> markPx,
    Optional<BigDecimal> liqPx,
    Optional<BigDecimal> lever,
    Optional<BigDecimal> upl,
    BigDecimal realizedPnl,
    BigDecimal fee,
    BigDecimal fundingFee,
    Instant cTime,
    Instant uTime) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public Position {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(instType, "instType");
    Objects.requireNonNull(mgnMode, "mgnMode");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(posId, "posId");
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(avgPx, "avgPx");
    Objects.requireNonNull(markPx, "markPx");
    Objects.requireNonNull(liqPx, "liqPx");
    Objects.requireNonNull(lever, "lever");
    Objects.requireNonNull(upl, "upl");
    Objects.requireNonNull(realizedPnl, "realizedPnl");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(fundingFee, "fundingFee");
    Objects.requireNonNull(cTime, "cTime");
    Objects.requireNonNull(uTime, "uTime");
  }
}
