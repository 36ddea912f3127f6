/**
 * Candle values shared by every smc4j module: {@link org.smc4j.core.bar.Timeframe}, the {@link
 * org.smc4j.core.bar.Candle} record and the columnar {@link org.smc4j.core.bar.BarArrays} that the
 * detectors read. All times are candle open times in UTC epoch milliseconds; a candle is known at
 * its close ({@code openTime + timeframe}).
 */
package org.smc4j.core.bar;
