/**
 * Fair value gaps (STRATEGY.md section 4): the {@link org.smc4j.core.fvg.FairValueGap} value and
 * its {@link org.smc4j.core.fvg.FvgChange state changes}. Detection and state tracking run inside
 * {@link org.smc4j.core.engine.StrategyEngine} on both timeframes and are reported as {@link
 * org.smc4j.core.engine.FairValueGapEvent}s.
 */
package org.smc4j.core.fvg;
