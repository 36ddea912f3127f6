/**
 * Overfitting statistics of a sweep: the probability of backtest overfitting by combinatorially
 * symmetric cross-validation ({@link org.smc4j.sweep.stats.ProbabilityOfOverfitting}) and the
 * deflated Sharpe ratio ({@link org.smc4j.sweep.stats.DeflatedSharpeRatio}), with the normal
 * distribution they need.
 */
package org.smc4j.sweep.stats;
