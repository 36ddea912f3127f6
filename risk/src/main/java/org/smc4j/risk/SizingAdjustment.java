package org.smc4j.risk;

/** A rule that moved an accepted size away from the largest size within the dollar risk. */
public enum SizingAdjustment {
  /**
   * The size within the risk was below the venue's minimum; the minimum was taken because it risks
   * at most {@code riskUsd * (1 + tolerance)}. The position risks more than the target.
   */
  RAISED_TO_MIN_SIZE,
  /**
   * The size within the risk was above the venue's maximum order size for the entry order type; the
   * maximum was taken. The position risks less than the target.
   */
  CAPPED_AT_MAX_SIZE
}
