/**
 * The order and trade values every broker speaks: the sized {@link
 * org.smc4j.trading.order.OrderIntent}, the broker's {@link org.smc4j.trading.order.Submission}
 * answer, a pending entry's {@link org.smc4j.trading.order.OrderCancellation} and the closed {@link
 * org.smc4j.trading.order.Trade}, with their reasons and the {@link
 * org.smc4j.trading.order.SetupDetails} the strategy saw.
 */
package org.smc4j.trading.order;
