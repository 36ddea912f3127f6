/**
 * The {@code trade} jobs: the bot's run over the scan loop with the shared trade pipeline and a
 * paper broker that fills through the backtest's simulated broker.
 */
package org.smc4j.app.trade;
