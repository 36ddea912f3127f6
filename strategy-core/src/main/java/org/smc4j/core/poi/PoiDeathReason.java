package org.smc4j.core.poi;

/**
 * Why a point of interest died (STRATEGY.md section 5). When several apply at one 15m close, the
 * first in this order is reported.
 */
public enum PoiDeathReason {
  /** A 15m close beyond the leg start (bullish: below it), including the arming close itself. */
  CLOSE_BEYOND_LEG_START,
  /** The POI's 15m fair value gap was filled by a 15m close. */
  FVG_FILLED,
  /** A newer break of structure (either direction) replaced the leg. */
  REPLACED_BY_NEW_BREAK,
  /** {@code poiMaxAgeBars} 15m bars passed since the arming close. */
  MAX_AGE
}
