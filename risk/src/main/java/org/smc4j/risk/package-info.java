/**
 * Fixed-dollar-risk position sizing on real contract specs (STRATEGY.md section 8).
 *
 * <p>{@link org.smc4j.core.instrument.ContractSpec} holds a venue's contract rules (tick, lot,
 * minimum and maximum size, contract value), {@link org.smc4j.risk.FeeSchedule} the maker/taker
 * rates, and {@link org.smc4j.risk.PositionSizer} turns a side, an entry and a stop into a number
 * of contracts whose all-in loss at the stop (price move, both fees and the stop's slippage) stays
 * within the dollar risk, or into a {@link org.smc4j.risk.SizingResult.Refused} with a reason.
 * Sizes are computed in exact decimal arithmetic so that they are exact multiples of the lot size.
 * The module depends only on strategy-core; venue adapters map their instrument lists into {@code
 * ContractSpec} (marketdata reads the OKX instruments JSON and the user spec CSV).
 */
package org.smc4j.risk;
