/**
 * The journal of every signal and its decision, every cancellation and every trade: the {@link
 * org.smc4j.trading.journal.Journal} interface and its SQLite implementation {@link
 * org.smc4j.trading.journal.SqliteJournal}.
 */
package org.smc4j.trading.journal;
