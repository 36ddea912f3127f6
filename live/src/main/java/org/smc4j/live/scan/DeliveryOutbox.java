package org.smc4j.live.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SqliteJournal;

/**
 * The pending deliveries of published signals (the outbox): one row per signal and target (the
 * signals file, each alert sink), written in the same transaction as the journal's signal row, and
 * marked done once delivered. A delivery that failed stays pending with its attempts and last
 * error, so it is retried on the next cycle and after a restart.
 *
 * <p>Over a {@link SqliteJournal} the rows live in its file, table {@code scan_outbox}, created on
 * first use (journals written before it simply have no pending deliveries); over any other journal
 * they are kept in memory.
 */
public sealed interface DeliveryOutbox permits DeliveryOutbox.Sqlite, DeliveryOutbox.Memory {

  /** The target name of the JSON-lines signals file. */
  String SIGNALS_FILE = "signals-file";

  /**
   * One pending delivery.
   *
   * @param signalKey the signal's stable id ({@link ScanSignal#key()})
   * @param target {@link #SIGNALS_FILE} or an alert sink's name
   * @param symbol the signal's symbol
   * @param jsonLine the signal's JSON line
   * @param alertText the alert's text
   * @param attempts how many deliveries failed so far
   */
  record Delivery(
      String signalKey,
      String target,
      String symbol,
      String jsonLine,
      String alertText,
      int attempts) {

    /** Validates the fields. */
    public Delivery {
      Objects.requireNonNull(signalKey, "signalKey");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(jsonLine, "jsonLine");
      Objects.requireNonNull(alertText, "alertText");
    }
  }

  /**
   * Returns the outbox of a journal: in its SQLite file, else in memory.
   *
   * @param journal the journal the signals are recorded in
   * @return the outbox
   */
  static DeliveryOutbox over(Journal journal) {
    return journal instanceof SqliteJournal sqlite ? new Sqlite(sqlite) : new Memory(journal);
  }

  /**
   * Commits the journal's buffered rows (the signal's) together with one pending delivery per
   * target. Deliveries already recorded for the same signal and target are kept as they are.
   *
   * @param signalKey the signal's stable id
   * @param symbol the signal's symbol
   * @param jsonLine the signal's JSON line
   * @param alertText the alert's text
   * @param targets where it must be delivered
   */
  void record(
      String signalKey, String symbol, String jsonLine, String alertText, List<String> targets);

  /**
   * Commits the journal's buffered rows (the signal's) and notes that the signal expired before it
   * could be published (found late, while catching up): it gets no delivery.
   *
   * @param signalKey the signal's stable id
   * @param symbol the signal's symbol
   * @param jsonLine the signal's JSON line
   * @param reason why it is no longer actionable
   */
  void expired(String signalKey, String symbol, String jsonLine, String reason);

  /**
   * Saves each symbol's last processed close, for the catch-up after a restart.
   *
   * @param lastProcessedClose symbol to close time (epoch ms)
   */
  void checkpoint(Map<String, Long> lastProcessedClose);

  /** Returns every pending delivery, oldest first. */
  List<Delivery> pending();

  /**
   * Marks a delivery done.
   *
   * @param signalKey the signal's id
   * @param target the target
   */
  void done(String signalKey, String target);

  /**
   * Counts a failed attempt; the delivery stays pending.
   *
   * @param signalKey the signal's id
   * @param target the target
   * @param error what failed
   */
  void failed(String signalKey, String target, String error);

  /** The outbox in the journal's SQLite file. */
  final class Sqlite implements DeliveryOutbox {

    private static final String DDL =
        "CREATE TABLE IF NOT EXISTS scan_outbox (signal_key TEXT NOT NULL, target TEXT NOT NULL,"
            + " run_id INTEGER NOT NULL, symbol TEXT NOT NULL, json_line TEXT NOT NULL,"
            + " alert_text TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL,"
            + " last_error TEXT, created_at TEXT NOT NULL, done_at TEXT,"
            + " PRIMARY KEY (signal_key, target))";

    private static final String PROGRESS_DDL =
        "CREATE TABLE IF NOT EXISTS scan_progress (symbol TEXT PRIMARY KEY,"
            + " last_close TEXT NOT NULL)";

    private final SqliteJournal journal;

    Sqlite(SqliteJournal journal) {
      this.journal = journal;
      journal.flush(
          (c, run) -> {
            try (Statement st = c.createStatement()) {
              st.execute(DDL);
              st.execute(PROGRESS_DDL);
            }
          });
    }

    @Override
    public void expired(String signalKey, String symbol, String jsonLine, String reason) {
      String now = Instant.now().toString();
      journal.flush(
          (c, run) -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT OR IGNORE INTO scan_outbox (signal_key, target, run_id, symbol,"
                        + " json_line, alert_text, state, attempts, last_error, created_at)"
                        + " VALUES (?,'none',?,?,?,'','EXPIRED',0,?,?)")) {
              ps.setString(1, signalKey);
              ps.setLong(2, run);
              ps.setString(3, symbol);
              ps.setString(4, jsonLine);
              ps.setString(5, reason);
              ps.setString(6, now);
              ps.executeUpdate();
            }
          });
    }

    @Override
    public void checkpoint(Map<String, Long> lastProcessedClose) {
      if (lastProcessedClose.isEmpty()) {
        return;
      }
      journal.flush(
          (c, run) -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO scan_progress (symbol, last_close) VALUES (?, ?)"
                        + " ON CONFLICT(symbol) DO UPDATE SET last_close = excluded.last_close"
                        + " WHERE excluded.last_close > scan_progress.last_close")) {
              for (Map.Entry<String, Long> e : lastProcessedClose.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, Instant.ofEpochMilli(e.getValue()).toString());
                ps.addBatch();
              }
              ps.executeBatch();
            }
          });
    }

    @Override
    public void record(
        String signalKey, String symbol, String jsonLine, String alertText, List<String> targets) {
      String now = Instant.now().toString();
      journal.flush(
          (c, run) -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT OR IGNORE INTO scan_outbox (signal_key, target, run_id, symbol,"
                        + " json_line, alert_text, state, attempts, created_at)"
                        + " VALUES (?,?,?,?,?,?,'PENDING',0,?)")) {
              for (String target : targets) {
                ps.setString(1, signalKey);
                ps.setString(2, target);
                ps.setLong(3, run);
                ps.setString(4, symbol);
                ps.setString(5, jsonLine);
                ps.setString(6, alertText);
                ps.setString(7, now);
                ps.addBatch();
              }
              ps.executeBatch();
            }
          });
    }

    @Override
    public List<Delivery> pending() {
      List<Delivery> out = new ArrayList<>();
      journal.flush(
          (c, run) -> {
            try (Statement st = c.createStatement();
                ResultSet rs =
                    st.executeQuery(
                        "SELECT signal_key, target, symbol, json_line, alert_text, attempts"
                            + " FROM scan_outbox WHERE state = 'PENDING' ORDER BY rowid")) {
              while (rs.next()) {
                out.add(
                    new Delivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)));
              }
            }
          });
      return out;
    }

    @Override
    public void done(String signalKey, String target) {
      update(
          "UPDATE scan_outbox SET state = 'DONE', done_at = ? WHERE signal_key = ? AND target = ?",
          Instant.now().toString(),
          signalKey,
          target);
    }

    @Override
    public void failed(String signalKey, String target, String error) {
      update(
          "UPDATE scan_outbox SET attempts = attempts + 1, last_error = ?"
              + " WHERE signal_key = ? AND target = ?",
          error,
          signalKey,
          target);
    }

    private void update(String sql, String first, String signalKey, String target) {
      journal.flush(
          (Connection c, long run) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, first);
              ps.setString(2, signalKey);
              ps.setString(3, target);
              ps.executeUpdate();
            }
          });
    }
  }

  /** The outbox in memory, for journals that are not SQLite files (nothing survives a restart). */
  final class Memory implements DeliveryOutbox {

    private final Journal journal;
    private final Map<String, Delivery> pending = new LinkedHashMap<>();
    private final Set<String> known = new HashSet<>();

    Memory(Journal journal) {
      this.journal = journal;
    }

    @Override
    public synchronized void record(
        String signalKey, String symbol, String jsonLine, String alertText, List<String> targets) {
      journal.flush();
      for (String target : targets) {
        String id = signalKey + "\n" + target;
        if (known.add(id)) {
          pending.put(id, new Delivery(signalKey, target, symbol, jsonLine, alertText, 0));
        }
      }
    }

    @Override
    public synchronized void expired(
        String signalKey, String symbol, String jsonLine, String reason) {
      journal.flush();
    }

    @Override
    public void checkpoint(Map<String, Long> lastProcessedClose) {
      // nothing survives the process
    }

    @Override
    public synchronized List<Delivery> pending() {
      return List.copyOf(pending.values());
    }

    @Override
    public synchronized void done(String signalKey, String target) {
      pending.remove(signalKey + "\n" + target);
    }

    @Override
    public synchronized void failed(String signalKey, String target, String error) {
      pending.computeIfPresent(
          signalKey + "\n" + target,
          (k, d) ->
              new Delivery(
                  d.signalKey(),
                  d.target(),
                  d.symbol(),
                  d.jsonLine(),
                  d.alertText(),
                  d.attempts() + 1));
    }
  }
}
