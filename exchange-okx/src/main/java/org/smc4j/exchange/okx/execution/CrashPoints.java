package org.smc4j.exchange.okx.execution;

/**
 * A test-only hook naming each state transition of the executor, so a crash test can stop the bot
 * exactly there (by throwing or halting) and restart it on the same journal.
 */
@FunctionalInterface
public interface CrashPoints {

  /** Production: does nothing. */
  CrashPoints NONE = point -> {};

  /** After the trade and the entry intent were committed, before the request is sent. */
  String INTENT_COMMITTED = "intent-committed";

  /** After the entry's answer was journaled, before the entry is followed to its fill. */
  String ENTRY_ANSWERED = "entry-answered";

  /** After an entry's first fill was journaled (trade unprotected), before its stop is checked. */
  String ENTRY_FILLED = "entry-filled";

  /** After a closing order's intent was committed, before it is sent. */
  String CLOSE_COMMITTED = "close-committed";

  /** After a protective algo's intent was committed, before it is sent. */
  String PROTECTION_COMMITTED = "protection-committed";

  /**
   * Called when the executor reaches a point.
   *
   * @param point one of the constants of this interface
   */
  void reached(String point);
}
