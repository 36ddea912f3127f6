/**
 * What the live bot remembers across crashes (OKX-TRADING.md section 15): the {@link
 * org.smc4j.trading.execution.ExecutionJournal} with write-ahead order intents, every order and
 * trade state transition with the exchange's raw codes, fills keyed by trade id, funding bills
 * keyed by bill id, closed trades with gross and net P&amp;L and R, kill-switch events and the
 * environment the journal belongs to.
 *
 * <p>Order of work for an entry: the trade row and the entry's intent ({@link
 * org.smc4j.trading.execution.OrderStatus#PENDING_SUBMIT}) are committed in one transaction before
 * any request leaves the process; the row, not the HTTP reply, anchors idempotency.
 */
package org.smc4j.trading.execution;
