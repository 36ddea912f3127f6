/**
 * From a strategy signal to a sized trade plan: {@link org.smc4j.trading.plan.EntrySignalAdapter}
 * turns the engine's signal into a {@link org.smc4j.trading.plan.TradePlan}, and {@link
 * org.smc4j.trading.plan.PlanSizer} sizes it with the risk module ({@link
 * org.smc4j.trading.plan.Sizing}).
 */
package org.smc4j.trading.plan;
