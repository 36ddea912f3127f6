/**
 * Primitive helpers of {@link org.smc4j.core.engine.StrategyEngine}: Wilder ATR, the swing window
 * and the fair value gap book. Not an API: they may change without notice.
 */
package org.smc4j.core.engine.internal;
