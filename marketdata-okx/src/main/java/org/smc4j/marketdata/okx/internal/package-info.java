/**
 * Implementation of the OKX adapter: the REST client, the retrying caller, candle row parsing and
 * validation, and the XChange ticker source. Not an API: only {@code org.smc4j.marketdata.okx} uses
 * it.
 */
package org.smc4j.marketdata.okx.internal;
