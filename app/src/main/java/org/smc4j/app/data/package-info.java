/**
 * {@code data check}: reads candle and funding-rate files and reports what is wrong with them, as
 * typed results a command prints ({@link org.smc4j.app.data.DataCheckJob}).
 */
package org.smc4j.app.data;
