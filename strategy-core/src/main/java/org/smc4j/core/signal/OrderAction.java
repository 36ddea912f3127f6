package org.smc4j.core.signal;

/** The direction of one order: a long's entry and a short's exits buy; the others sell. */
public enum OrderAction {
  /** Buys: fills at or below a limit, triggers at or above a stop. */
  BUY,
  /** Sells: fills at or above a limit, triggers at or below a stop. */
  SELL
}
