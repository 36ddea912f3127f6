/**
 * Funding of perpetual swaps: {@link org.smc4j.backtest.funding.FundingModel} (constant 0.01 % by
 * default, or an exchange history), and the 00/08/16 UTC {@link
 * org.smc4j.backtest.funding.FundingSchedule}.
 */
package org.smc4j.backtest.funding;
