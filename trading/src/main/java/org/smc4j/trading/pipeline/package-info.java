/**
 * The one post-signal pipeline: {@link org.smc4j.trading.pipeline.TradePipeline} takes a plan
 * through the symbol-busy check, sizing and the portfolio guards to a {@link
 * org.smc4j.trading.broker.Broker} and journals its {@link
 * org.smc4j.trading.pipeline.TradeDecision}.
 */
package org.smc4j.trading.pipeline;
