/** Helpers of candle validation: the centred rolling median behind the price-outlier rule. */
package org.smc4j.marketdata.validate.internal;
