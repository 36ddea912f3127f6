package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The money of a closed trade (STRATEGY.md section 6), all in quote currency: gross = the exit
 * fills' realised P&amp;L; fees and funding are costs (positive = paid); net = gross - fees -
 * funding; R divides by the planned risk.
 *
 * @param exitPx the average exit price
 * @param exitReason why it closed, e.g. {@code STOP}, {@code TARGET}, {@code LIQUIDATION}
 * @param grossPnl the price P&amp;L
 * @param fees entry and exit fees paid
 * @param funding funding paid (negative = received)
 * @param netPnl gross minus fees minus funding
 * @param rGross gross over planned risk
 * @param rNet net over planned risk
 */
public record TradeResult(
    BigDecimal exitPx,
    String exitReason,
    BigDecimal grossPnl,
    BigDecimal fees,
    BigDecimal funding,
    BigDecimal netPnl,
    BigDecimal rGross,
    BigDecimal rNet) {

  /** Validates that no component is null. */
  public TradeResult {
    Objects.requireNonNull(exitPx, "exitPx");
    Objects.requireNonNull(exitReason, "exitReason");
    Objects.requireNonNull(grossPnl, "grossPnl");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(netPnl, "netPnl");
    Objects.requireNonNull(rGross, "rGross");
    Objects.requireNonNull(rNet, "rNet");
  }

  /**
   * Computes net P&amp;L and R from the parts.
   *
   * @param exitPx the average exit price
   * @param exitReason why it closed
   * @param grossPnl the price P&amp;L
   * @param fees fees paid
   * @param funding funding paid
   * @param plannedRisk the planned risk; R is zero when it is zero (an orphan has no plan)
   * @return the result
   */
  public static TradeResult of(
      BigDecimal exitPx,
      String exitReason,
      BigDecimal grossPnl,
      BigDecimal fees,
      BigDecimal funding,
      BigDecimal plannedRisk) {
    BigDecimal net = grossPnl.subtract(fees).subtract(funding);
    return new TradeResult(
        exitPx,
        exitReason,
        grossPnl,
        fees,
        funding,
        net,
        ratio(grossPnl, plannedRisk),
        ratio(net, plannedRisk));
  }

  private static BigDecimal ratio(BigDecimal money, BigDecimal plannedRisk) {
    return plannedRisk.signum() == 0
        ? BigDecimal.ZERO
        : money.divide(plannedRisk, 6, RoundingMode.HALF_EVEN);
  }
}
