package org.smc4j.core.fvg;

/** A state change of a fair value gap (STRATEGY.md section 4). */
public enum FvgChange {
  /** The gap was completed at the close of its third candle; it is open. */
  CREATED,
  /** A later bar traded into the gap (bullish: low at or below the top). */
  TOUCHED,
  /** A later close went through the gap (bullish: close below the bottom); it is invalid now. */
  FILLED
}
