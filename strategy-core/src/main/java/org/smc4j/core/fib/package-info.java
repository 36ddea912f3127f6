/**
 * The impulse leg and its Fibonacci retracement prices (STRATEGY.md section 3): {@link
 * org.smc4j.core.fib.ImpulseLeg} snapshots and {@link org.smc4j.core.fib.LegChange}s, reported by
 * {@link org.smc4j.core.engine.StrategyEngine} as {@link org.smc4j.core.engine.ImpulseLegEvent}s.
 */
package org.smc4j.core.fib;
