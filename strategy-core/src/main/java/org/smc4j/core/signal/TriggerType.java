package org.smc4j.core.signal;

/** The 5m event that turned a tapped POI into a signal (STRATEGY.md section 6). */
public enum TriggerType {
  /**
   * Market structure shift: a 5m close beyond the most recent 5m swing point (in the trade's
   * direction) that became known after the tap bar. Entered by a market order at the next open.
   */
  MSS,
  /**
   * A 5m fair value gap in the trade's direction, completed after the tap bar, whose near edge
   * (bullish: bottom) lies inside the POI. Entered by a limit order at the gap's far edge.
   */
  FVG
}
