package org.smc4j.marketdata.validate;

/** How candle validation treats a problem. */
public enum ValidationMode {
  /**
   * Fail on the first problem (a dropped row or a gap) with a {@link DataProblemException} whose
   * message reads {@code file:line: field: what is wrong}. Zero-volume bars are warnings only.
   */
  STRICT,
  /** Drop only invalid rows and list them in the report; gaps are reported and left as they are. */
  LENIENT
}
