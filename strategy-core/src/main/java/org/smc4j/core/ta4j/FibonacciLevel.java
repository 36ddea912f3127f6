package org.smc4j.core.ta4j;

import org.smc4j.core.fib.ImpulseLeg;

/**
 * A price of the impulse leg (STRATEGY.md section 3): its two ends and the three retracement levels
 * {@code price(r) = end - r * (end - start)}. The ratios are the configuration's ({@code
 * fibZoneStart}, {@code fibGolden}, {@code fibZoneEnd}; 0.5, 0.618 and 0.786 by default).
 */
public enum FibonacciLevel {
  /** The leg start (ratio 1): the lowest low before a bullish break. */
  LEG_START,
  /** {@code fibZoneEnd} (default 0.786): the deep edge of the zone. */
  ZONE_END,
  /** {@code fibGolden} (default 0.618). */
  GOLDEN,
  /** {@code fibZoneStart} (default 0.5): the shallow edge of the zone and the freeze level. */
  ZONE_START,
  /** The leg end (ratio 0): the highest high after a bullish break. */
  LEG_END;

  /**
   * Returns this level's price on a leg.
   *
   * @param leg the leg
   * @return the price
   */
  public double price(ImpulseLeg leg) {
    return switch (this) {
      case LEG_START -> leg.startPrice();
      case ZONE_END -> leg.zoneEndPrice();
      case GOLDEN -> leg.goldenPrice();
      case ZONE_START -> leg.zoneStartPrice();
      case LEG_END -> leg.endPrice();
    };
  }
}
