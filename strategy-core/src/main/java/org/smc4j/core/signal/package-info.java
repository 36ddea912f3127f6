/**
 * Entry signal vocabulary (STRATEGY.md sections 6 and 7): {@link org.smc4j.core.signal.Side},
 * {@link org.smc4j.core.signal.OrderAction}, {@link org.smc4j.core.signal.TriggerType}, {@link
 * org.smc4j.core.signal.OrderType} and {@link org.smc4j.core.signal.ConfidenceScore}. The signal
 * itself is {@link org.smc4j.core.engine.EntrySignal}.
 */
package org.smc4j.core.signal;
