/**
 * Funding-rate history: {@link org.smc4j.marketdata.funding.FundingRateCsvReader} reads {@code
 * timestamp,rate} files into a {@link org.smc4j.marketdata.funding.FundingRateHistory} with lookups
 * by settlement time and an interval check.
 */
package org.smc4j.marketdata.funding;
