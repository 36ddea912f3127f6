/**
 * The {@link org.smc4j.trading.broker.Broker} port the pipeline hands orders to, and the {@link
 * org.smc4j.trading.broker.BrokerListener} a broker tells of fills, cancellations and closed
 * trades. The simulated broker of the backtest implements it; paper and exchange brokers come next.
 */
package org.smc4j.trading.broker;
