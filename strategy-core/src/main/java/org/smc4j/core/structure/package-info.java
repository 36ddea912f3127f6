/**
 * Market structure vocabulary: {@link org.smc4j.core.structure.Direction}, {@link
 * org.smc4j.core.structure.SwingType} and {@link org.smc4j.core.structure.BreakType}. The swing and
 * break-of-structure rules themselves (STRATEGY.md sections 1 and 2) run inside {@link
 * org.smc4j.core.engine.StrategyEngine}; their results are the {@link
 * org.smc4j.core.engine.SwingPointEvent} and {@link org.smc4j.core.engine.StructureBreakEvent}
 * events.
 */
package org.smc4j.core.structure;
