/**
 * Byte-level parsing helpers shared by the CSV readers (numbers, epoch milliseconds, UTC
 * date-times); not part of the public API.
 */
package org.smc4j.marketdata.csv.internal;
