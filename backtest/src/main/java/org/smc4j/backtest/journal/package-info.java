/**
 * Exports the journal that {@link org.smc4j.trading.journal.SqliteJournal} writes (every signal
 * taken or skipped with its reason, cancelled entry and closed trade) to CSV and xlsx ({@link
 * org.smc4j.backtest.journal.JournalExporter}).
 */
package org.smc4j.backtest.journal;
