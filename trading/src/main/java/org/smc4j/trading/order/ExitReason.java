package org.smc4j.trading.order;

/** Why a position was closed. */
public enum ExitReason {
  /** The stop triggered inside the candle and filled at the stop plus slippage. */
  STOP,
  /** The candle opened beyond the stop; it filled at the open plus slippage. */
  STOP_GAP,
  /** The target (a resting limit) filled at the target price. */
  TARGET,
  /** The data ended with the position open; closed at the last close plus slippage. */
  END_OF_DATA,
  /** A tripped kill switch (level 3) closed the position at a close plus slippage. */
  KILL_SWITCH
}
