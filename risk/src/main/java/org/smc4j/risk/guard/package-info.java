/**
 * Portfolio guards: the account-level rules a sized trade must also pass before it is opened.
 *
 * <p>{@link org.smc4j.risk.guard.PortfolioGuard} tracks open positions and the realised P&amp;L of
 * the current trading day (a UTC day starting at a configurable hour) with an injected clock, and
 * checks a {@link org.smc4j.risk.guard.TradeProposal} against the {@link
 * org.smc4j.risk.guard.GuardLimits}: daily loss in dollars, daily number of losing trades, maximum
 * concurrent trades, maximum total open risk, one position per symbol and margin available versus
 * required. A refusal lists every guard that fails, each with a sentence.
 */
package org.smc4j.risk.guard;
