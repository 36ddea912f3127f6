/** Test helpers: hand-built candles and plans. */
package org.smc4j.backtest.testing;
