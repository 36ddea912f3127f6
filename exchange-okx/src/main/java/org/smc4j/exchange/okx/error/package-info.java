/**
 * OKX error classification (OKX-TRADING.md section 13).
 *
 * <p>{@link org.smc4j.exchange.okx.error.OkxErrorClassifier} maps OKX codes and HTTP statuses to an
 * {@link org.smc4j.exchange.okx.error.OkxErrorClass}; transport failures (timeouts, resets, 5xx
 * without JSON, unreadable bodies) get the same classes, so a caller decides on one value whether a
 * request is definitely refused, may have executed, or must stop the bot.
 */
package org.smc4j.exchange.okx.error;
