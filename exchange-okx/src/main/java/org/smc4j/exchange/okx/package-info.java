/**
 * The OKX v5 REST trading client (OKX-TRADING.md).
 *
 * <p>{@link org.smc4j.exchange.okx.OkxClient} signs every private request (HMAC-SHA256 over
 * timestamp, method, path with query and the exact body) on the {@link
 * org.smc4j.exchange.okx.ServerClock}, adds the demo header for {@link
 * org.smc4j.exchange.okx.OkxEnvironment#DEMO} and {@code expTime} on order placement, waits for a
 * client-side rate-limit token, and returns an {@link org.smc4j.exchange.okx.OkxResult}: the answer
 * as a record of {@code model}, or an {@link org.smc4j.exchange.okx.error.OkxError} classified by
 * code (never by text). It retries nothing but a {@code 50102} once, after re-measuring the clock;
 * everything else is the caller's decision.
 *
 * <p>Subpackages: {@code auth} (credentials, signing), {@code error} (classification), {@code id}
 * (deterministic client order ids), {@code model} (requests and answers), {@code rate} (token
 * buckets), {@code preflight} (account checks before the first order).
 */
package org.smc4j.exchange.okx;
