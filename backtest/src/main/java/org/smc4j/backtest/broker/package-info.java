/**
 * The simulated broker: sized trade plans ({@link org.smc4j.trading.order.OrderIntent}) become
 * entry, stop and target orders at a {@link org.smc4j.backtest.broker.SimulatedBroker}, which fills
 * them on closed candles with the models of {@link org.smc4j.backtest.broker.BrokerModels} and
 * reports closed {@link org.smc4j.trading.order.Trade}s and cancellations.
 */
package org.smc4j.backtest.broker;
