/**
 * The backtest journal: every signal (taken or skipped, with the reason), cancelled entry and
 * closed trade, written to SQLite ({@link org.smc4j.backtest.journal.SqliteJournal}, versioned
 * schema, WAL, one transaction per batch, a run id per run) and exported to CSV and xlsx ({@link
 * org.smc4j.backtest.journal.JournalExporter}).
 */
package org.smc4j.backtest.journal;
