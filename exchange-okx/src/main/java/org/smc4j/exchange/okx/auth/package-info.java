/**
 * Credentials and request signing for OKX v5 private endpoints.
 *
 * <p>{@link org.smc4j.exchange.okx.auth.Secret} masks every credential in {@code toString}; {@link
 * org.smc4j.exchange.okx.auth.OkxSigner} is the only reader of the values and produces the {@code
 * OK-ACCESS-*} headers; {@link org.smc4j.exchange.okx.auth.OkxTimestamp} formats the signed
 * timestamp with milliseconds.
 */
package org.smc4j.exchange.okx.auth;
