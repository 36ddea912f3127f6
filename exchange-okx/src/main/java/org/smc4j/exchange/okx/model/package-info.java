/**
 * Records for the requests and answers of the OKX v5 endpoints this client calls, and the enums of
 * OKX's wire values ({@code wire()}/{@code fromWire}).
 *
 * <p>{@link org.smc4j.exchange.okx.model.OkxInstrument} formats prices and sizes exactly to the
 * instrument's tick and lot size; request records validate against it when built, so a request that
 * exists can be sent. Decimals are {@link java.math.BigDecimal}; values OKX may leave empty are
 * {@link java.util.Optional}.
 */
package org.smc4j.exchange.okx.model;
