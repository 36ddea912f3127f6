package org.smc4j.core.structure;

/** Which extreme a swing point marks. */
public enum SwingType {
  /** A bar whose high exceeds the highs on its left and is not exceeded on its right. */
  HIGH,
  /** A bar whose low is below the lows on its left and is not undercut on its right. */
  LOW
}
