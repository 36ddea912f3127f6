/**
 * The money-safety core of the bot on OKX (OKX-TRADING.md section 15): {@link
 * org.smc4j.exchange.okx.execution.OkxExecutor} places entries behind write-ahead intents in the
 * {@link org.smc4j.trading.execution.ExecutionJournal}, resolves ambiguous answers by query before
 * any retry, keeps every position covered by a stop read back from the exchange (else flattens),
 * reconciles the journal with the exchange at startup and periodically, and applies the kill
 * switch; {@link org.smc4j.exchange.okx.execution.OkxBroker} adapts it to the pipeline's {@code
 * Broker} port.
 *
 * <p>Order of work for one entry: guards (kill switch, busy symbol, max open trades, daily loss
 * from the journal); the trade and the entry intent committed together; the place request with
 * {@code expTime}; on an ambiguous answer, wait until {@code expTime + margin}, query by {@code
 * clOrdId}, then orders-pending and fills, and only with proof that nothing exists one retry with
 * the next attempt digit; a market entry is polled to a terminal state, a limit entry's first
 * partial fill cancels the rest; the attached TP/SL is read back by {@code algoClOrdId}, or a
 * reduce-only {@code oco} for the filled size is placed and read back; a stop already through the
 * market closes at market; no confirmed stop within the deadline flattens the symbol.
 *
 * <p>Before the first entry on a symbol the leverage is set so the estimated liquidation lies well
 * beyond the stop ({@link org.smc4j.exchange.okx.execution.LeveragePolicy}). The executor's work is
 * split by role: {@code PositionProtector} keeps the protection invariant, {@code PositionCloser}
 * closes positions and trades, {@code AlgoBook} reads and cancels our algos, {@code LedgerImporter}
 * pages fills and funding bills into the journal once, {@code PositionsHistoryCheck} cross-checks
 * closed trades against OKX's positions-history, and {@code MismatchTracker} remembers what the
 * last reconciliation found.
 *
 * <p>Between signals, a {@link org.smc4j.exchange.okx.execution.ReconciliationLoop} runs the
 * reconciliation on the cadence of section 15.11 (5 s while anything is unsettled, 15 s with open
 * positions, 60 s idle; fills and bills every 60 s) and refreshes the optional {@link
 * org.smc4j.exchange.okx.execution.DeadManSwitch}; a mismatch seen in two consecutive cycles trips
 * kill switch level 1. It must run on the thread that sends the entries.
 */
package org.smc4j.exchange.okx.execution;
