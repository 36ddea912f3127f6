package org.smc4j.marketdata.validate;

/** What is wrong with one row of candle data. */
public enum ProblemKind {
  /** The row cannot be read: wrong column count, truncated line, text in a number, bad time. */
  MALFORMED_ROW(false),
  /** A value is NaN or infinite. */
  NON_FINITE(false),
  /** A price is zero or negative, or the volume is negative. */
  NEGATIVE_VALUE(false),
  /** High below low, or open or close outside {@code [low, high]}. */
  OHLC_VIOLATION(false),
  /** A Binance {@code close_time} that is not {@code open_time + timeframe - 1}. */
  CLOSE_TIME_MISMATCH(false),
  /** An open time that is not on the timeframe's grid (counted from 1970-01-01T00:00Z). */
  OFF_GRID(false),
  /** An open time equal to the previous bar's (a duplicate row or an overlap between files). */
  DUPLICATE_TIME(false),
  /** An open time before the previous bar's. */
  OUT_OF_ORDER(false),
  /**
   * A bar whose range or jump from its neighbours is implausible (a bad tick): see {@link
   * PriceOutlierRule}.
   */
  PRICE_OUTLIER(false),
  /** A bar with zero volume: a warning only, the bar is kept. */
  ZERO_VOLUME(true);

  private final boolean warning;

  ProblemKind(boolean warning) {
    this.warning = warning;
  }

  /** Returns true when the row is kept and the problem is only reported (zero volume). */
  public boolean isWarning() {
    return warning;
  }
}
