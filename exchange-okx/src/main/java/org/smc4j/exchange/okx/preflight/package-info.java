/**
 * The account pre-flight (OKX-TRADING.md section 15.2): {@link
 * org.smc4j.exchange.okx.preflight.AccountPreflight#check} judges the answers of the read-only
 * calls made before the first order against {@link
 * org.smc4j.exchange.okx.preflight.PreflightSettings} and returns a {@link
 * org.smc4j.exchange.okx.preflight.PreflightReport} listing every problem; {@link
 * org.smc4j.exchange.okx.preflight.AccountPreflight#run} makes those calls first.
 */
package org.smc4j.exchange.okx.preflight;
