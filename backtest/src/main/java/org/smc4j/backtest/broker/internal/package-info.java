/** Helpers of the simulated broker; not part of the API. */
package org.smc4j.backtest.broker.internal;
