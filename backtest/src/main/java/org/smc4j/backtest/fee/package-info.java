/**
 * Exchange fees of simulated fills: {@link org.smc4j.backtest.fee.FeeModel} with the OKX default
 * rates (maker 0.02 %, taker 0.05 %), and {@link org.smc4j.core.instrument.Liquidity}.
 */
package org.smc4j.backtest.fee;
