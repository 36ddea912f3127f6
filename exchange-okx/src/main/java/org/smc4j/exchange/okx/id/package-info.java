/**
 * Deterministic client order ids: {@link org.smc4j.exchange.okx.id.ClientOrderId} derives {@code
 * clOrdId}, {@code attachAlgoClOrdId} and {@code algoClOrdId} from the signal id, the {@link
 * org.smc4j.exchange.okx.id.OrderRole} and the attempt number, and validates length and charset.
 */
package org.smc4j.exchange.okx.id;
