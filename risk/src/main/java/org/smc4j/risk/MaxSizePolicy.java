package org.smc4j.risk;

/**
 * What {@link PositionSizer} does when the size within the dollar risk is above the venue's maximum
 * order size for the entry order type ({@code maxMktSz} for market, {@code maxLmtSz} for limit
 * entries).
 */
public enum MaxSizePolicy {
  /**
   * Refuse the trade ({@link RefusalReason#ABOVE_MAX_SIZE}): the default, because a capped position
   * no longer risks the planned amount and the trader should decide, not the sizer.
   */
  REFUSE,
  /**
   * Take the maximum ({@link SizingAdjustment#CAPPED_AT_MAX_SIZE}): the position risks less than
   * the target, which is the safe direction, and the venue accepts the order.
   */
  CAP
}
