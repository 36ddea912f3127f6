package org.smc4j.trading.order;

/** Why a pending entry order was cancelled before it filled. */
public enum CancelReason {
  /** The POI the signal came from died (STRATEGY.md section 5). */
  POI_DIED,
  /** Price reached the target before the limit entry filled (STRATEGY.md section 6). */
  TARGET_REACHED_BEFORE_FILL,
  /** The order outlived its expiry. */
  EXPIRED,
  /** The data ended before the order filled. */
  END_OF_DATA,
  /** A tripped kill switch (level 2 or more) cancelled the pending entry. */
  KILL_SWITCH
}
