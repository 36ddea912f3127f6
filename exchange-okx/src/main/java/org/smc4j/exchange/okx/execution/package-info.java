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
 */
package org.smc4j.exchange.okx.execution;
