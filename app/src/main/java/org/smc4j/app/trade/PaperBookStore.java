package org.smc4j.app.trade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.app.trade.internal.PaperStateCodec;
import org.smc4j.backtest.broker.BrokerSnapshot;
import org.smc4j.risk.guard.GuardBook;
import org.smc4j.trading.journal.JournalException;
import org.smc4j.trading.journal.SqliteJournal;

/**
 * The paper bot's saved state in its journal file: each symbol's broker (pending entry, open
 * position) as of the last close it processed (table {@code paper_book}) and the pipeline's guard
 * book (table {@code paper_guard}), written in one transaction of the journal after a cycle. A
 * restarted bot resumes each symbol after that close with that state, so it neither starts flat nor
 * trades anything twice (the journal's writes after that close are repeated idempotently).
 */
final class PaperBookStore {

  private static final String BOOK_DDL =
      "CREATE TABLE IF NOT EXISTS paper_book (symbol TEXT PRIMARY KEY,"
          + " last_close TEXT NOT NULL, state TEXT NOT NULL)";
  private static final String GUARD_DDL =
      "CREATE TABLE IF NOT EXISTS paper_guard (id INTEGER PRIMARY KEY CHECK (id = 1),"
          + " state TEXT NOT NULL)";

  /**
   * One symbol's saved broker.
   *
   * @param lastClose the last close its broker processed (epoch ms)
   * @param snapshot what the broker held after it
   */
  record Saved(long lastClose, BrokerSnapshot snapshot) {

    Saved {
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  /**
   * What a journal file holds.
   *
   * @param books each symbol's saved broker
   * @param guard the guard book, if saved
   */
  record State(Map<String, Saved> books, Optional<GuardBook> guard) {

    State {
      books = Map.copyOf(books);
      Objects.requireNonNull(guard, "guard");
    }
  }

  private PaperBookStore() {}

  /**
   * Reads the saved state of a journal file.
   *
   * @param file the journal; a missing file or table has nothing saved
   * @return the state
   * @throws JournalException when the file exists but cannot be read
   */
  static State read(Path file) {
    Map<String, Saved> books = new LinkedHashMap<>();
    Optional<GuardBook> guard = Optional.empty();
    if (!Files.exists(file)) {
      return new State(books, guard);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      try (Statement st = c.createStatement()) {
        st.execute(BOOK_DDL);
        st.execute(GUARD_DDL);
        try (ResultSet rs = st.executeQuery("SELECT symbol, last_close, state FROM paper_book")) {
          while (rs.next()) {
            books.put(
                rs.getString(1),
                new Saved(
                    Instant.parse(rs.getString(2)).toEpochMilli(),
                    PaperStateCodec.readBroker(rs.getString(3))));
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT state FROM paper_guard WHERE id = 1")) {
          if (rs.next()) {
            guard = Optional.of(PaperStateCodec.readGuard(rs.getString(1)));
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw new JournalException(
          "cannot read the paper bot's saved state from journal " + file + ": " + e.getMessage(),
          e);
    }
    return new State(books, guard);
  }

  /**
   * Saves the state in one transaction of the journal.
   *
   * @param journal the bot's journal
   * @param books each symbol's last processed close and broker
   * @param guard the guard book, if the pipeline has guards
   */
  static void write(SqliteJournal journal, Map<String, Saved> books, Optional<GuardBook> guard) {
    journal.flush(
        (c, run) -> {
          try (Statement st = c.createStatement()) {
            st.execute(BOOK_DDL);
            st.execute(GUARD_DDL);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO paper_book (symbol, last_close, state) VALUES (?, ?, ?)"
                      + " ON CONFLICT(symbol) DO UPDATE SET last_close = excluded.last_close,"
                      + " state = excluded.state")) {
            for (Map.Entry<String, Saved> e : books.entrySet()) {
              ps.setString(1, e.getKey());
              ps.setString(2, Instant.ofEpochMilli(e.getValue().lastClose()).toString());
              ps.setString(3, PaperStateCodec.write(e.getValue().snapshot()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          if (guard.isPresent()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO paper_guard (id, state) VALUES (1, ?)"
                        + " ON CONFLICT(id) DO UPDATE SET state = excluded.state")) {
              ps.setString(1, PaperStateCodec.write(guard.get()));
              ps.executeUpdate();
            }
          }
        });
  }
}
