package org.smc4j.core.ta4j;

/** Which edge of a price zone (a fair value gap, a point of interest) an indicator reports. */
public enum ZoneEdge {
  /** The higher price. */
  TOP,
  /** The lower price. */
  BOTTOM
}
