package org.smc4j.live.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.journal.JournalException;

/**
 * Reads the keys of the signals earlier live {@code scan} runs wrote to a journal, so that a
 * restarted scan does not publish them again. Only runs whose description starts with {@link
 * #LIVE_RUN} count: backtests and replays in the same file are not live alerts.
 */
public final class PublishedSignals {

  /** The description prefix of live scan runs in the journal. */
  public static final String LIVE_RUN = "scan live";

  private PublishedSignals() {}

  /**
   * Returns the stable keys ({@link ScanSignal#keyOf}) of every signal of earlier live runs.
   *
   * @param journalFile the SQLite journal; a missing file has none
   * @return the keys
   * @throws JournalException when the file exists but cannot be read
   */
  public static Set<String> keys(Path journalFile) {
    return keys(journalFile, LIVE_RUN);
  }

  /**
   * Returns the stable keys ({@link ScanSignal#keyOf}) of every signal of earlier runs whose
   * description starts with {@code runPrefix} (the trade bot's runs, say).
   *
   * @param journalFile the SQLite journal; a missing file has none
   * @param runPrefix the description prefix of the runs that count
   * @return the keys
   * @throws JournalException when the file exists but cannot be read
   */
  public static Set<String> keys(Path journalFile, String runPrefix) {
    Set<String> keys = new HashSet<>();
    if (!Files.exists(journalFile)) {
      return keys;
    }
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + journalFile.toAbsolutePath())) {
      try (Statement st = c.createStatement();
          ResultSet tables =
              st.executeQuery(
                  "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                      + " AND name IN ('runs', 'signals')")) {
        tables.next();
        if (tables.getInt(1) < 2) {
          return keys;
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT s.symbol, s.side, s.signal_time FROM signals s"
                  + " JOIN runs r ON r.run_id = s.run_id WHERE r.description LIKE ?")) {
        ps.setString(1, runPrefix + "%");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            keys.add(
                ScanSignal.keyOf(
                    rs.getString(1),
                    Side.valueOf(rs.getString(2)),
                    Instant.parse(rs.getString(3))));
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw new JournalException(
          "cannot read earlier signals from journal " + journalFile + ": " + e.getMessage(), e);
    }
    return keys;
  }

  /**
   * Returns each symbol's last close an earlier live scan processed (table {@code scan_progress}),
   * where a restarted scan catches up from.
   *
   * @param journalFile the SQLite journal; a missing file or table has none
   * @return symbol to close time (epoch ms)
   * @throws JournalException when the file exists but cannot be read
   */
  public static Map<String, Long> lastProcessedCloses(Path journalFile) {
    Map<String, Long> out = new HashMap<>();
    if (!Files.exists(journalFile)) {
      return out;
    }
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + journalFile.toAbsolutePath())) {
      try (Statement st = c.createStatement();
          ResultSet tables =
              st.executeQuery(
                  "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                      + " AND name = 'scan_progress'")) {
        tables.next();
        if (tables.getInt(1) == 0) {
          return out;
        }
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT symbol, last_close FROM scan_progress")) {
        while (rs.next()) {
          out.put(rs.getString(1), Instant.parse(rs.getString(2)).toEpochMilli());
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw new JournalException(
          "cannot read the scan progress from journal " + journalFile + ": " + e.getMessage(), e);
    }
    return out;
  }
}
