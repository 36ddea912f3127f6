package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One closed or reduced position ({@code GET /api/v5/account/positions-history}); {@code
 * realizedPnl = pnl + fee + fundingFee + liqPenalty}.
 *
 * @param instId the instrument
 * @param posId OKX's position id
 * @param mgnMode the margin mode
 * @param posSide net, long or short
 * @param direction {@code long} or {@code short}
 * @param type {@code 1} partial close, {@code 2} full close, {@code 3}/{@code 4} liquidation,
 *     {@code 5}/{@code 6} ADL
 * @param openAvgPx average open price
 * @param closeAvgPx average close price
 * @param closeTotalPos closed contracts
 * @param realizedPnl realised P&amp;L
 * @param pnl price P&amp;L
 * @param fee fees, negative = paid
 * @param fundingFee funding
 * @param liqPenalty liquidation penalty
 * @param cTime open time
 * @param uTime close time
 */
public record PositionHistory(
    String instId,
    String posId,
    String mgnMode,
    String posSide,
    String direction,
    String type,
    Optional<BigDecimal> openAvgPx,
    Optional<BigDecimal> closeAvgPx,
    BigDecimal closeTotalPos,
    BigDecimal realizedPnl,
    BigDecimal pnl,
    BigDecimal fee,
    BigDecimal fundingFee,
    BigDecimal liqPenalty,
    Instant cTime,
    Instant uTime) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public PositionHistory {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(posId, "posId");
    Objects.requireNonNull(mgnMode, "mgnMode");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(openAvgPx, "openAvgPx");
    Objects.requireNonNull(closeAvgPx, "closeAvgPx");
    Objects.requireNonNull(closeTotalPos, "closeTotalPos");
    Objects.requireNonNull(realizedPnl, "realizedPnl");
    Objects.requireNonNull(pnl, "pnl");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(fundingFee, "fundingFee");
    Objects.requireNonNull(liqPenalty, "liqPenalty");
    Objects.requireNonNull(cTime, "cTime");
    Objects.requireNonNull(uTime, "uTime");
  }
}
