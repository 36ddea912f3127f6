/**
 * Runnable programs that embed smc4j as a library: {@link org.smc4j.examples.StrategyEngineExample}
 * feeds candles to the streaming strategy engine and prints its signals.
 */
package org.smc4j.examples;
