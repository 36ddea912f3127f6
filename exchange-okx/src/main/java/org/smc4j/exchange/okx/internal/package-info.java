/**
 * Implementation of {@link org.smc4j.exchange.okx.OkxClient}: the signed transport with the {@code
 * 50102} retry, the envelope and field readers, and the request body writer. Not an API.
 */
package org.smc4j.exchange.okx.internal;
