package org.smc4j.core.fib;

/** What happened to the current impulse leg (STRATEGY.md section 3). */
public enum LegChange {
  /** A break of structure created the leg; its end is the break bar's extreme. */
  CREATED,
  /** While open, a bar made a strictly more extreme price; the end moved there. */
  EXTENDED,
  /**
   * The leg froze because a bar after the break reached the leg's zone-start level (0.5 by default)
   * as it stood at the previous close; that bar does not extend the leg.
   */
  FROZEN_BY_RETRACEMENT,
  /**
   * The leg froze because a swing point in the leg's direction (a swing high for a bullish leg)
   * whose pivot lies strictly after the break bar became known.
   */
  FROZEN_BY_NEW_SWING,
  /** A newer break (either direction) replaced the leg, frozen or not. */
  REPLACED;

  /** Returns true for the two freeze changes. */
  public boolean isFreeze() {
    return this == FROZEN_BY_RETRACEMENT || this == FROZEN_BY_NEW_SWING;
  }
}
