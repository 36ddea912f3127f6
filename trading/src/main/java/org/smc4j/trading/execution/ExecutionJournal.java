package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.journal.JournalException;
import org.smc4j.trading.order.EntryKind;
import org.sqlite.SQLiteConfig;

/**
 * The live bot's SQLite journal (OKX-TRADING.md section 15): trades, write-ahead order intents,
 * every order and trade transition with the exchange's raw codes, fills (instrument and {@code
 * tradeId} unique), funding bills ({@code billId} unique), kill-switch events and the environment
 * the journal belongs to. Its tables ({@code exec_*}) can share a file with the backtest's {@code
 * SqliteJournal}; they carry their own schema version ({@code exec_schema_version}) and are created
 * or migrated on open.
 *
 * <p>Every write is one committed transaction (synchronous, WAL mode), so a crash loses at most the
 * write in progress, never half of one. Thread-safe.
 */
public final class ExecutionJournal implements AutoCloseable {

  /** The schema version this class writes. */
  public static final int SCHEMA_VERSION = 4;

  private static final String TRADE_COLUMNS =
      "trade_key, signal_id, inst_id, side, entry_kind, planned_entry, stop, target, contracts,"
          + " contract_value, planned_risk, valid_until, status, reason, filled_sz, entry_px,"
          + " opened_at, unprotected_since, closed_at, exit_px, exit_reason, gross_pnl, fees,"
          + " funding, net_pnl, r_gross, r_net, created_at";

  private static final String ORDER_COLUMNS =
      "cl_ord_id, trade_key, role, inst_id, side, ord_type, sz, px, stop, target, reduce_only,"
          + " status, exp_time, exchange_id, filled_sz, last_code, created_at, updated_at";

  private static final String[] SCHEMA_1 = {
    "CREATE TABLE exec_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE exec_trades (trade_key TEXT PRIMARY KEY, signal_id TEXT NOT NULL,"
        + " inst_id TEXT NOT NULL, side TEXT NOT NULL, entry_kind TEXT NOT NULL,"
        + " planned_entry TEXT NOT NULL, stop TEXT NOT NULL, target TEXT NOT NULL,"
        + " contracts TEXT NOT NULL, contract_value TEXT NOT NULL, planned_risk TEXT NOT NULL,"
        + " valid_until TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL,"
        + " filled_sz TEXT NOT NULL, entry_px TEXT, opened_at TEXT, unprotected_since TEXT,"
        + " closed_at TEXT, exit_px TEXT, exit_reason TEXT, gross_pnl TEXT, fees TEXT,"
        + " funding TEXT, net_pnl TEXT, r_gross TEXT, r_net TEXT, created_at TEXT NOT NULL)",
    "CREATE TABLE exec_trade_transitions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " trade_key TEXT NOT NULL REFERENCES exec_trades(trade_key), from_status TEXT,"
        + " to_status TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE TABLE exec_orders (cl_ord_id TEXT PRIMARY KEY,"
        + " trade_key TEXT NOT NULL REFERENCES exec_trades(trade_key), role TEXT NOT NULL,"
        + " inst_id TEXT NOT NULL, side TEXT NOT NULL, ord_type TEXT NOT NULL, sz TEXT NOT NULL,"
        + " px TEXT, stop TEXT, target TEXT, reduce_only INTEGER NOT NULL, status TEXT NOT NULL,"
        + " exp_time TEXT, exchange_id TEXT NOT NULL, filled_sz TEXT NOT NULL,"
        + " last_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE INDEX exec_orders_trade ON exec_orders(trade_key)",
    "CREATE TABLE exec_order_transitions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " cl_ord_id TEXT NOT NULL REFERENCES exec_orders(cl_ord_id), from_status TEXT,"
        + " to_status TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE TABLE exec_fills (trade_id TEXT PRIMARY KEY, trade_key TEXT NOT NULL,"
        + " inst_id TEXT NOT NULL, ord_id TEXT NOT NULL, cl_ord_id TEXT NOT NULL,"
        + " side TEXT NOT NULL, fill_px TEXT NOT NULL, fill_sz TEXT NOT NULL,"
        + " fill_pnl TEXT NOT NULL, fee TEXT NOT NULL, fill_time TEXT NOT NULL)",
    "CREATE TABLE exec_funding (bill_id TEXT PRIMARY KEY, trade_key TEXT NOT NULL,"
        + " inst_id TEXT NOT NULL, pnl TEXT NOT NULL, ts TEXT NOT NULL)",
    "CREATE TABLE exec_kill_switch (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " level INTEGER NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL, cleared_at TEXT)",
  };

  /**
   * Version 2: the broker's POI-to-trade map, the leverage set per instrument, the import cursors
   * of fills and bills, and the execution events (mismatches, dead-man's switch, P&amp;L
   * cross-checks).
   */
  private static final String[] SCHEMA_2 = {
    "CREATE TABLE exec_poi_trades (poi_id TEXT PRIMARY KEY,"
        + " trade_key TEXT NOT NULL REFERENCES exec_trades(trade_key), at TEXT NOT NULL)",
    "CREATE TABLE exec_leverage (inst_id TEXT PRIMARY KEY, mgn_mode TEXT NOT NULL,"
        + " lever TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE TABLE exec_cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE exec_events (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        + " inst_id TEXT NOT NULL, detail TEXT NOT NULL, at TEXT NOT NULL)",
  };

  /**
   * Version 3: a fill is keyed by instrument and {@code tradeId}, not by {@code tradeId} alone (OKX
   * numbers trades per instrument, so two instruments can share an id and a fill would be lost).
   */
  private static final String[] SCHEMA_3 = {
    "CREATE TABLE exec_fills_v3 (trade_id TEXT NOT NULL, trade_key TEXT NOT NULL,"
        + " inst_id TEXT NOT NULL, ord_id TEXT NOT NULL, cl_ord_id TEXT NOT NULL,"
        + " side TEXT NOT NULL, fill_px TEXT NOT NULL, fill_sz TEXT NOT NULL,"
        + " fill_pnl TEXT NOT NULL, fee TEXT NOT NULL, fill_time TEXT NOT NULL,"
        + " PRIMARY KEY (inst_id, trade_id))",
    "INSERT INTO exec_fills_v3 SELECT trade_id, trade_key, inst_id, ord_id, cl_ord_id, side,"
        + " fill_px, fill_sz, fill_pnl, fee, fill_time FROM exec_fills ORDER BY rowid",
    "DROP TABLE exec_fills",
    "ALTER TABLE exec_fills_v3 RENAME TO exec_fills",
  };

  /**
   * Version 4: the reconciliation mismatches of the latest complete cycle, so a mismatch lasting
   * two cycles is recognised across a restart.
   */
  private static final String[] SCHEMA_4 = {
    "CREATE TABLE exec_open_mismatches (mismatch_key TEXT PRIMARY KEY, inst_id TEXT NOT NULL,"
        + " detail TEXT NOT NULL, first_seen TEXT NOT NULL, handled INTEGER NOT NULL)",
  };

  private final Path file;
  private final Connection connection;
  private boolean closed;

  private ExecutionJournal(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating or migrating if needed) the execution tables of a journal file.
   *
   * @param file the SQLite file; its folder is created when missing
   * @return the open journal
   * @throws JournalException when the file cannot be opened or has a newer execution schema
   */
  public static ExecutionJournal open(Path file) {
    Objects.requireNonNull(file, "file");
    Connection c = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA foreign_keys=ON");
      }
      c.setAutoCommit(false);
      migrate(c, file);
      c.commit();
      return new ExecutionJournal(file, c);
    } catch (Exception e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof JournalException je) {
        throw je;
      }
      throw new JournalException("cannot open execution journal " + file + ": " + e, e);
    }
  }

  /**
   * Tells whether a file holds the bot's execution tables, reading it without writing anything (a
   * command that only reads or flags a journal must not turn another SQLite file into one).
   *
   * @param file the file
   * @return true when it is an existing SQLite file with the execution schema
   */
  public static boolean isExecutionJournal(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      return false;
    }
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table'"
                    + " AND name = 'exec_schema_version'")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  private static void migrate(Connection c, Path file) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS exec_schema_version (version INTEGER NOT NULL)");
      int version;
      try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM exec_schema_version")) {
        rs.next();
        version = rs.getInt(1);
      }
      if (version > SCHEMA_VERSION) {
        throw new JournalException(
            "execution journal "
                + file
                + " has schema version "
                + version
                + ", newer than "
                + SCHEMA_VERSION
                + " that this version writes; use a newer smc4j",
            null);
      }
      if (version < 1) {
        for (String ddl : SCHEMA_1) {
          st.execute(ddl);
        }
        st.execute("INSERT INTO exec_schema_version (version) VALUES (1)");
      }
      if (version < 2) {
        for (String ddl : SCHEMA_2) {
          st.execute(ddl);
        }
        st.execute("INSERT INTO exec_schema_version (version) VALUES (2)");
      }
      if (version < 3) {
        for (String ddl : SCHEMA_3) {
          st.execute(ddl);
        }
        st.execute("INSERT INTO exec_schema_version (version) VALUES (3)");
      }
      if (version < 4) {
        for (String ddl : SCHEMA_4) {
          st.execute(ddl);
        }
        st.execute("INSERT INTO exec_schema_version (version) VALUES (4)");
      }
    }
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  // ---- environment ----

  /**
   * Returns the environment this journal was made in.
   *
   * @return the environment, or empty for a new journal
   */
  public synchronized Optional<TradingEnvironment> environment() {
    return read(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT value FROM exec_meta WHERE key = 'environment'")) {
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(TradingEnvironment.parse(rs.getString(1)))
                  : Optional.<TradingEnvironment>empty();
            }
          }
        });
  }

  /**
   * Stores the environment of a new journal, or checks that of an existing one.
   *
   * @param environment the configured environment
   * @throws IllegalStateException naming both when the journal was made in another environment
   */
  public synchronized void bindEnvironment(TradingEnvironment environment) {
    Objects.requireNonNull(environment, "environment");
    Optional<TradingEnvironment> stored = environment();
    if (stored.isPresent() && stored.get() != environment) {
      throw new IllegalStateException(
          "journal "
              + file
              + " was made in "
              + stored.get().wire()
              + " but the configured environment is "
              + environment.wire()
              + "; a journal is never reused across environments");
    }
    if (stored.isEmpty()) {
      write(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "INSERT INTO exec_meta (key, value) VALUES ('environment', ?)")) {
              ps.setString(1, environment.wire());
              ps.executeUpdate();
            }
          });
    }
  }

  // ---- trades and orders ----

  /**
   * Commits a new trade and the intent of its entry in one transaction, before any request is sent:
   * the trade goes {@code SIGNALLED -> ENTRY_WORKING}, the intent is {@code PENDING_SUBMIT}.
   *
   * @param trade the trade, {@link TradeStatus#SIGNALLED}
   * @param entry the entry intent, {@link OrderStatus#PENDING_SUBMIT}
   * @throws JournalException when the write fails (for example a repeated trade key)
   */
  public synchronized void beginTrade(TradeRecord trade, OrderRecord entry) {
    Objects.requireNonNull(trade, "trade");
    Objects.requireNonNull(entry, "entry");
    write(
        () -> {
          insertTrade(trade);
          insertOrder(entry);
          updateTradeStatus(
              trade.tradeKey(),
              TradeStatus.ENTRY_WORKING,
              "entry intent committed",
              trade.createdAt());
        });
  }

  /**
   * Records a trade on its own (an orphan, or a signal skipped before any order).
   *
   * @param trade the trade
   */
  public synchronized void addTrade(TradeRecord trade) {
    Objects.requireNonNull(trade, "trade");
    write(() -> insertTrade(trade));
  }

  /**
   * Commits a write-ahead intent of a further order of a trade (a retry, a protective algo, an
   * exit).
   *
   * @param intent the intent, {@link OrderStatus#PENDING_SUBMIT}
   */
  public synchronized void addOrder(OrderRecord intent) {
    Objects.requireNonNull(intent, "intent");
    write(() -> insertOrder(intent));
  }

  /**
   * Moves an order to a state, journaling the transition with the exchange's raw code.
   *
   * @param clOrdId the order
   * @param to the new state
   * @param code the exchange's raw code, empty when none
   * @param message the exchange's message or our note
   * @param exchangeId the exchange's id, or empty to keep the known one
   * @param filledSz the filled contracts, or empty to keep the known value
   * @param at when
   * @throws IllegalStateException when the order is unknown
   */
  public synchronized void updateOrder(
      String clOrdId,
      OrderStatus to,
      String code,
      String message,
      String exchangeId,
      Optional<BigDecimal> filledSz,
      Instant at) {
    OrderRecord current =
        order(clOrdId)
            .orElseThrow(() -> new IllegalStateException("no journaled order " + clOrdId));
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE exec_orders SET status = ?, exchange_id = ?, filled_sz = ?,"
                      + " last_code = ?, updated_at = ? WHERE cl_ord_id = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, exchangeId.isEmpty() ? current.exchangeId() : exchangeId);
            ps.setString(3, filledSz.orElse(current.filledSz()).toPlainString());
            ps.setString(4, code);
            ps.setString(5, at.toString());
            ps.setString(6, clOrdId);
            ps.executeUpdate();
          }
          if (current.status() != to || !code.isEmpty()) {
            insertOrderTransition(clOrdId, Optional.of(current.status()), to, code, message, at);
          }
        });
  }

  /**
   * Records the {@code expTime} the request actually carried.
   *
   * @param clOrdId the order
   * @param expTime the header value
   */
  public synchronized void setExpTime(String clOrdId, Instant expTime) {
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE exec_orders SET exp_time = ? WHERE cl_ord_id = ?")) {
            ps.setString(1, expTime.toString());
            ps.setString(2, clOrdId);
            ps.executeUpdate();
          }
        });
  }

  /**
   * Moves a trade to a state.
   *
   * @param tradeKey the trade
   * @param to the new state
   * @param reason why
   * @param at when
   */
  public synchronized void updateTrade(String tradeKey, TradeStatus to, String reason, Instant at) {
    write(() -> updateTradeStatus(tradeKey, to, reason, at));
  }

  /**
   * Records the entry's fills on a trade: filled size, average price, the open time (first time
   * only, in exchange time) and since when it is unprotected (first time only, local time).
   *
   * @param tradeKey the trade
   * @param filledSz the contracts filled
   * @param entryPx the average entry price
   * @param openedAt the exchange's time of the first fill
   * @param seenAt when the fill was seen locally
   */
  public synchronized void recordEntryFill(
      String tradeKey, BigDecimal filledSz, BigDecimal entryPx, Instant openedAt, Instant seenAt) {
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE exec_trades SET filled_sz = ?, entry_px = ?,"
                      + " opened_at = COALESCE(opened_at, ?),"
                      + " unprotected_since = COALESCE(unprotected_since, ?) WHERE trade_key = ?")) {
            ps.setString(1, filledSz.toPlainString());
            ps.setString(2, entryPx.toPlainString());
            ps.setString(3, openedAt.toString());
            ps.setString(4, seenAt.toString());
            ps.setString(5, tradeKey);
            ps.executeUpdate();
          }
        });
  }

  /**
   * Sets or clears since when a trade's position lacks confirmed stop coverage.
   *
   * @param tradeKey the trade
   * @param since the moment, or empty once protected
   */
  public synchronized void setUnprotectedSince(String tradeKey, Optional<Instant> since) {
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE exec_trades SET unprotected_since = ? WHERE trade_key = ?")) {
            ps.setString(1, since.map(Instant::toString).orElse(null));
            ps.setString(2, tradeKey);
            ps.executeUpdate();
          }
        });
  }

  /**
   * Closes a trade with its money.
   *
   * @param tradeKey the trade
   * @param result the result
   * @param at when it closed
   */
  public synchronized void closeTrade(String tradeKey, TradeResult result, Instant at) {
    Objects.requireNonNull(result, "result");
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE exec_trades SET closed_at = ?, exit_px = ?, exit_reason = ?,"
                      + " gross_pnl = ?, fees = ?, funding = ?, net_pnl = ?, r_gross = ?,"
                      + " r_net = ?, unprotected_since = NULL WHERE trade_key = ?")) {
            ps.setString(1, at.toString());
            ps.setString(2, result.exitPx().toPlainString());
            ps.setString(3, result.exitReason());
            ps.setString(4, result.grossPnl().toPlainString());
            ps.setString(5, result.fees().toPlainString());
            ps.setString(6, result.funding().toPlainString());
            ps.setString(7, result.netPnl().toPlainString());
            ps.setString(8, result.rGross().toPlainString());
            ps.setString(9, result.rNet().toPlainString());
            ps.setString(10, tradeKey);
            ps.executeUpdate();
          }
          updateTradeStatus(tradeKey, TradeStatus.CLOSED, result.exitReason(), at);
        });
  }

  /**
   * Journals a fill once.
   *
   * @param fill the fill
   * @return true when it was new
   */
  public synchronized boolean addFill(FillRecord fill) {
    Objects.requireNonNull(fill, "fill");
    return write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO exec_fills (trade_id, trade_key, inst_id, ord_id,"
                      + " cl_ord_id, side, fill_px, fill_sz, fill_pnl, fee, fill_time)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, fill.tradeId());
            ps.setString(2, fill.tradeKey());
            ps.setString(3, fill.instId());
            ps.setString(4, fill.ordId());
            ps.setString(5, fill.clOrdId());
            ps.setString(6, fill.side());
            ps.setString(7, fill.fillPx().toPlainString());
            ps.setString(8, fill.fillSz().toPlainString());
            ps.setString(9, fill.fillPnl().toPlainString());
            ps.setString(10, fill.fee().toPlainString());
            ps.setString(11, fill.fillTime().toString());
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Journals a funding bill once.
   *
   * @param funding the bill
   * @return true when it was new
   */
  public synchronized boolean addFunding(FundingRecord funding) {
    Objects.requireNonNull(funding, "funding");
    return write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO exec_funding (bill_id, trade_key, inst_id, pnl, ts)"
                      + " VALUES (?,?,?,?,?)")) {
            ps.setString(1, funding.billId());
            ps.setString(2, funding.tradeKey());
            ps.setString(3, funding.instId());
            ps.setString(4, funding.pnl().toPlainString());
            ps.setString(5, funding.ts().toString());
            return ps.executeUpdate() == 1;
          }
        });
  }

  // ---- broker state, leverage, cursors, events ----

  /**
   * Remembers which trade a POI's signal became, so a restarted broker can still cancel the entry
   * when the POI dies. A POI already mapped keeps its first trade.
   *
   * @param poiId the POI
   * @param tradeKey the trade
   * @param at when
   */
  public synchronized void mapPoi(String poiId, String tradeKey, Instant at) {
    Objects.requireNonNull(poiId, "poiId");
    Objects.requireNonNull(tradeKey, "tradeKey");
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO exec_poi_trades (poi_id, trade_key, at) VALUES (?,?,?)")) {
            ps.setString(1, poiId);
            ps.setString(2, tradeKey);
            ps.setString(3, at.toString());
            ps.executeUpdate();
          }
        });
  }

  /**
   * Returns the trade a POI's signal became.
   *
   * @param poiId the POI
   * @return the trade key, or empty when the POI never produced a trade
   */
  public synchronized Optional<String> tradeOfPoi(String poiId) {
    return read(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT trade_key FROM exec_poi_trades WHERE poi_id = ?")) {
            ps.setString(1, poiId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /**
   * Records the leverage set on an instrument (replacing the earlier value) and journals it as a
   * {@link ExecutionEventKind#LEVERAGE_SET} event, in one transaction.
   *
   * @param leverage the leverage read back
   * @param detail why this value (stop distance, liquidation estimate)
   */
  public synchronized void recordLeverage(LeverageRecord leverage, String detail) {
    Objects.requireNonNull(leverage, "leverage");
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT OR REPLACE INTO exec_leverage (inst_id, mgn_mode, lever, at)"
                      + " VALUES (?,?,?,?)")) {
            ps.setString(1, leverage.instId());
            ps.setString(2, leverage.mgnMode());
            ps.setString(3, leverage.lever().toPlainString());
            ps.setString(4, leverage.at().toString());
            ps.executeUpdate();
          }
          insertEvent(
              new ExecutionEvent(
                  ExecutionEventKind.LEVERAGE_SET, leverage.instId(), detail, leverage.at()));
        });
  }

  /**
   * Returns the leverage the bot last set on an instrument.
   *
   * @param instId the instrument
   * @return the leverage, or empty when never set by this journal
   */
  public synchronized Optional<LeverageRecord> leverage(String instId) {
    return read(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT inst_id, mgn_mode, lever, at FROM exec_leverage WHERE inst_id = ?")) {
            ps.setString(1, instId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new LeverageRecord(
                          rs.getString(1),
                          rs.getString(2),
                          new BigDecimal(rs.getString(3)),
                          Instant.parse(rs.getString(4))))
                  : Optional.<LeverageRecord>empty();
            }
          }
        });
  }

  /**
   * Returns an import cursor (the newest exchange id fully imported).
   *
   * @param name the cursor, e.g. {@code fills}
   * @return the value, or empty before the first complete import
   */
  public synchronized Optional<String> cursor(String name) {
    return read(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement("SELECT value FROM exec_cursors WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /**
   * Stores an import cursor.
   *
   * @param name the cursor
   * @param value the newest exchange id fully imported
   */
  public synchronized void setCursor(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT OR REPLACE INTO exec_cursors (name, value) VALUES (?,?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
          }
        });
  }

  /**
   * Returns the reconciliation mismatches of the latest complete cycle.
   *
   * @return the mismatches, in key order
   */
  public synchronized List<OpenMismatch> openMismatches() {
    return read(
        () -> {
          List<OpenMismatch> open = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT mismatch_key, inst_id, detail, first_seen, handled"
                          + " FROM exec_open_mismatches ORDER BY mismatch_key")) {
            while (rs.next()) {
              open.add(
                  new OpenMismatch(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      Instant.parse(rs.getString(4)),
                      rs.getInt(5) != 0));
            }
          }
          return open;
        });
  }

  /**
   * Replaces the reconciliation mismatches with those of the cycle just completed, in one
   * transaction.
   *
   * @param open the mismatches now open (none when the cycle found none)
   */
  public synchronized void replaceOpenMismatches(List<OpenMismatch> open) {
    List<OpenMismatch> copy = List.copyOf(open);
    write(
        () -> {
          try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM exec_open_mismatches");
          }
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO exec_open_mismatches"
                      + " (mismatch_key, inst_id, detail, first_seen, handled) VALUES (?,?,?,?,?)")) {
            for (OpenMismatch mismatch : copy) {
              ps.setString(1, mismatch.key());
              ps.setString(2, mismatch.instId());
              ps.setString(3, mismatch.detail());
              ps.setString(4, mismatch.firstSeen().toString());
              ps.setInt(5, mismatch.handled() ? 1 : 0);
              ps.executeUpdate();
            }
          }
        });
  }

  /**
   * Journals an execution event.
   *
   * @param event the event
   */
  public synchronized void addEvent(ExecutionEvent event) {
    Objects.requireNonNull(event, "event");
    write(() -> insertEvent(event));
  }

  /**
   * Journals an execution event and trips the kill switch in one transaction.
   *
   * @param event the event
   * @param level the kill-switch level, 1 to 3
   */
  public synchronized void addEventAndTrip(ExecutionEvent event, int level) {
    Objects.requireNonNull(event, "event");
    KillSwitchEvent trip = new KillSwitchEvent(level, event.detail(), event.at(), Optional.empty());
    write(
        () -> {
          insertEvent(event);
          insertKillSwitch(trip);
        });
  }

  /** Returns every execution event, oldest first. */
  public synchronized List<ExecutionEvent> events() {
    return read(
        () -> {
          List<ExecutionEvent> events = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT kind, inst_id, detail, at FROM exec_events ORDER BY id")) {
            while (rs.next()) {
              events.add(
                  new ExecutionEvent(
                      ExecutionEventKind.valueOf(rs.getString(1)),
                      rs.getString(2),
                      rs.getString(3),
                      Instant.parse(rs.getString(4))));
            }
          }
          return events;
        });
  }

  /**
   * Returns the execution events of one kind, oldest first.
   *
   * @param kind the kind
   * @return the events
   */
  public synchronized List<ExecutionEvent> events(ExecutionEventKind kind) {
    return events().stream().filter(e -> e.kind() == kind).toList();
  }

  // ---- kill switch ----

  /**
   * Trips the kill switch; it stays tripped across restarts until {@link #clearKillSwitch}.
   *
   * @param level 1, 2 or 3
   * @param reason why
   * @param at when
   */
  public synchronized void tripKillSwitch(int level, String reason, Instant at) {
    KillSwitchEvent event = new KillSwitchEvent(level, reason, at, Optional.empty());
    write(() -> insertKillSwitch(event));
  }

  /**
   * Clears every active kill-switch event (a human's decision).
   *
   * @param at when
   */
  public synchronized void clearKillSwitch(Instant at) {
    write(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE exec_kill_switch SET cleared_at = ? WHERE cleared_at IS NULL")) {
            ps.setString(1, at.toString());
            ps.executeUpdate();
          }
        });
  }

  /**
   * Returns the highest active kill-switch level.
   *
   * @return 0 when not tripped, else 1 to 3
   */
  public synchronized int killSwitchLevel() {
    return killSwitchEvents().stream()
        .filter(e -> e.clearedAt().isEmpty())
        .mapToInt(KillSwitchEvent::level)
        .max()
        .orElse(0);
  }

  /** Returns every kill-switch event, oldest first. */
  public synchronized List<KillSwitchEvent> killSwitchEvents() {
    return read(
        () -> {
          List<KillSwitchEvent> events = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT level, reason, at, cleared_at FROM exec_kill_switch ORDER BY id")) {
            while (rs.next()) {
              events.add(
                  new KillSwitchEvent(
                      rs.getInt(1),
                      rs.getString(2),
                      Instant.parse(rs.getString(3)),
                      optionalInstant(rs.getString(4))));
            }
          }
          return events;
        });
  }

  // ---- reads ----

  /** Returns every trade, oldest first. */
  public synchronized List<TradeRecord> trades() {
    return queryTrades("SELECT " + TRADE_COLUMNS + " FROM exec_trades ORDER BY rowid", null);
  }

  /**
   * Returns one trade.
   *
   * @param tradeKey the key
   * @return the trade, or empty
   */
  public synchronized Optional<TradeRecord> trade(String tradeKey) {
    return queryTrades(
            "SELECT " + TRADE_COLUMNS + " FROM exec_trades WHERE trade_key = ?", tradeKey)
        .stream()
        .findFirst();
  }

  /** Returns the trades that count as open (pending entries and orphans included). */
  public synchronized List<TradeRecord> openTrades() {
    return trades().stream().filter(t -> t.status().countsAsOpen()).toList();
  }

  /** Returns every order, oldest first. */
  public synchronized List<OrderRecord> orders() {
    return queryOrders("SELECT " + ORDER_COLUMNS + " FROM exec_orders ORDER BY rowid", null);
  }

  /**
   * Returns one order.
   *
   * @param clOrdId the client id
   * @return the order, or empty
   */
  public synchronized Optional<OrderRecord> order(String clOrdId) {
    return queryOrders("SELECT " + ORDER_COLUMNS + " FROM exec_orders WHERE cl_ord_id = ?", clOrdId)
        .stream()
        .findFirst();
  }

  /**
   * Returns the orders of a trade, oldest first.
   *
   * @param tradeKey the trade
   * @return the orders
   */
  public synchronized List<OrderRecord> ordersOf(String tradeKey) {
    return queryOrders(
        "SELECT " + ORDER_COLUMNS + " FROM exec_orders WHERE trade_key = ? ORDER BY rowid",
        tradeKey);
  }

  /**
   * Returns an order's transitions, oldest first.
   *
   * @param clOrdId the order
   * @return the transitions
   */
  public synchronized List<OrderTransition> orderTransitions(String clOrdId) {
    return read(
        () -> {
          List<OrderTransition> list = new ArrayList<>();
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT from_status, to_status, code, message, at FROM exec_order_transitions"
                      + " WHERE cl_ord_id = ? ORDER BY id")) {
            ps.setString(1, clOrdId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String from = rs.getString(1);
                list.add(
                    new OrderTransition(
                        clOrdId,
                        from == null ? Optional.empty() : Optional.of(OrderStatus.valueOf(from)),
                        OrderStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.parse(rs.getString(5))));
              }
            }
          }
          return list;
        });
  }

  /**
   * Returns the states a trade went through, oldest first.
   *
   * @param tradeKey the trade
   * @return the states
   */
  public synchronized List<TradeStatus> tradeHistory(String tradeKey) {
    return read(
        () -> {
          List<TradeStatus> list = new ArrayList<>();
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT to_status FROM exec_trade_transitions WHERE trade_key = ? ORDER BY id")) {
            ps.setString(1, tradeKey);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                list.add(TradeStatus.valueOf(rs.getString(1)));
              }
            }
          }
          return list;
        });
  }

  /** Returns every fill, in time order. */
  public synchronized List<FillRecord> fills() {
    return read(
        () -> {
          List<FillRecord> list = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT trade_id, trade_key, inst_id, ord_id, cl_ord_id, side, fill_px,"
                          + " fill_sz, fill_pnl, fee, fill_time FROM exec_fills"
                          + " ORDER BY fill_time, rowid")) {
            while (rs.next()) {
              list.add(
                  new FillRecord(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      new BigDecimal(rs.getString(7)),
                      new BigDecimal(rs.getString(8)),
                      new BigDecimal(rs.getString(9)),
                      new BigDecimal(rs.getString(10)),
                      Instant.parse(rs.getString(11))));
            }
          }
          return list;
        });
  }

  /** Returns every funding bill, in time order. */
  public synchronized List<FundingRecord> funding() {
    return read(
        () -> {
          List<FundingRecord> list = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT bill_id, trade_key, inst_id, pnl, ts FROM exec_funding"
                          + " ORDER BY ts, rowid")) {
            while (rs.next()) {
              list.add(
                  new FundingRecord(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      new BigDecimal(rs.getString(4)),
                      Instant.parse(rs.getString(5))));
            }
          }
          return list;
        });
  }

  /**
   * Returns the day's money from the journal: realised = fills' P&amp;L + fees + funding whose time
   * falls in the UTC day; open risk = the committed risk of every trade counting as open.
   *
   * @param day the UTC day
   * @return the figures
   */
  public synchronized DailyLoss dailyLoss(LocalDate day) {
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    BigDecimal realised = BigDecimal.ZERO;
    for (FillRecord fill : fills()) {
      if (!fill.fillTime().isBefore(from) && fill.fillTime().isBefore(to)) {
        realised = realised.add(fill.fillPnl()).add(fill.fee());
      }
    }
    for (FundingRecord bill : funding()) {
      if (!bill.ts().isBefore(from) && bill.ts().isBefore(to)) {
        realised = realised.add(bill.pnl());
      }
    }
    List<TradeRecord> open = openTrades();
    BigDecimal risk =
        open.stream().map(TradeRecord::committedRisk).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new DailyLoss(realised, risk, open.size());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      throw new JournalException("cannot close execution journal " + file, e);
    }
  }

  // ---- internals ----

  private void insertKillSwitch(KillSwitchEvent event) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO exec_kill_switch (level, reason, at) VALUES (?,?,?)")) {
      ps.setInt(1, event.level());
      ps.setString(2, event.reason());
      ps.setString(3, event.at().toString());
      ps.executeUpdate();
    }
  }

  private void insertEvent(ExecutionEvent event) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO exec_events (kind, inst_id, detail, at) VALUES (?,?,?,?)")) {
      ps.setString(1, event.kind().name());
      ps.setString(2, event.instId());
      ps.setString(3, event.detail());
      ps.setString(4, event.at().toString());
      ps.executeUpdate();
    }
  }

  private void insertTrade(TradeRecord t) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO exec_trades ("
                + TRADE_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, t.tradeKey());
      ps.setString(2, t.signalId());
      ps.setString(3, t.instId());
      ps.setString(4, t.side().name());
      ps.setString(5, t.entryKind().name());
      ps.setString(6, t.plannedEntry().toPlainString());
      ps.setString(7, t.stop().toPlainString());
      ps.setString(8, t.target().toPlainString());
      ps.setString(9, t.contracts().toPlainString());
      ps.setString(10, t.contractValue().toPlainString());
      ps.setString(11, t.plannedRisk().toPlainString());
      ps.setString(12, t.validUntil().toString());
      ps.setString(13, t.status().name());
      ps.setString(14, t.reason());
      ps.setString(15, t.filledSz().toPlainString());
      ps.setString(16, t.entryPx().map(BigDecimal::toPlainString).orElse(null));
      ps.setString(17, t.openedAt().map(Instant::toString).orElse(null));
      ps.setString(18, t.unprotectedSince().map(Instant::toString).orElse(null));
      ps.setString(19, t.closedAt().map(Instant::toString).orElse(null));
      Optional<TradeResult> r = t.result();
      ps.setString(20, r.map(x -> x.exitPx().toPlainString()).orElse(null));
      ps.setString(21, r.map(TradeResult::exitReason).orElse(null));
      ps.setString(22, r.map(x -> x.grossPnl().toPlainString()).orElse(null));
      ps.setString(23, r.map(x -> x.fees().toPlainString()).orElse(null));
      ps.setString(24, r.map(x -> x.funding().toPlainString()).orElse(null));
      ps.setString(25, r.map(x -> x.netPnl().toPlainString()).orElse(null));
      ps.setString(26, r.map(x -> x.rGross().toPlainString()).orElse(null));
      ps.setString(27, r.map(x -> x.rNet().toPlainString()).orElse(null));
      ps.setString(28, t.createdAt().toString());
      ps.executeUpdate();
    }
    insertTradeTransition(t.tradeKey(), null, t.status(), t.reason(), t.createdAt());
  }

  private void insertOrder(OrderRecord o) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO exec_orders ("
                + ORDER_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, o.clOrdId());
      ps.setString(2, o.tradeKey());
      ps.setString(3, o.role());
      ps.setString(4, o.instId());
      ps.setString(5, o.side());
      ps.setString(6, o.ordType());
      ps.setString(7, o.sz().toPlainString());
      ps.setString(8, o.px().map(BigDecimal::toPlainString).orElse(null));
      ps.setString(9, o.stop().map(BigDecimal::toPlainString).orElse(null));
      ps.setString(10, o.target().map(BigDecimal::toPlainString).orElse(null));
      ps.setInt(11, o.reduceOnly() ? 1 : 0);
      ps.setString(12, o.status().name());
      ps.setString(13, o.expTime().map(Instant::toString).orElse(null));
      ps.setString(14, o.exchangeId());
      ps.setString(15, o.filledSz().toPlainString());
      ps.setString(16, o.lastCode());
      ps.setString(17, o.createdAt().toString());
      ps.setString(18, o.updatedAt().toString());
      ps.executeUpdate();
    }
    insertOrderTransition(
        o.clOrdId(), Optional.empty(), o.status(), o.lastCode(), "intent committed", o.createdAt());
  }

  private void insertOrderTransition(
      String clOrdId,
      Optional<OrderStatus> from,
      OrderStatus to,
      String code,
      String message,
      Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO exec_order_transitions (cl_ord_id, from_status, to_status, code,"
                + " message, at) VALUES (?,?,?,?,?,?)")) {
      ps.setString(1, clOrdId);
      ps.setString(2, from.map(Enum::name).orElse(null));
      ps.setString(3, to.name());
      ps.setString(4, code);
      ps.setString(5, message);
      ps.setString(6, at.toString());
      ps.executeUpdate();
    }
  }

  private void updateTradeStatus(String tradeKey, TradeStatus to, String reason, Instant at)
      throws SQLException {
    String from;
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT status FROM exec_trades WHERE trade_key = ?")) {
      ps.setString(1, tradeKey);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no journaled trade " + tradeKey);
        }
        from = rs.getString(1);
      }
    }
    if (from.equals(to.name())) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE exec_trades SET status = ?, reason = ? WHERE trade_key = ?")) {
      ps.setString(1, to.name());
      ps.setString(2, reason);
      ps.setString(3, tradeKey);
      ps.executeUpdate();
    }
    insertTradeTransition(tradeKey, from, to, reason, at);
  }

  private void insertTradeTransition(
      String tradeKey, String from, TradeStatus to, String reason, Instant at) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO exec_trade_transitions (trade_key, from_status, to_status, reason, at)"
                + " VALUES (?,?,?,?,?)")) {
      ps.setString(1, tradeKey);
      ps.setString(2, from);
      ps.setString(3, to.name());
      ps.setString(4, reason);
      ps.setString(5, at.toString());
      ps.executeUpdate();
    }
  }

  private List<TradeRecord> queryTrades(String sql, String key) {
    return read(
        () -> {
          List<TradeRecord> list = new ArrayList<>();
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (key != null) {
              ps.setString(1, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                list.add(tradeOf(rs));
              }
            }
          }
          return list;
        });
  }

  private static TradeRecord tradeOf(ResultSet rs) throws SQLException {
    Optional<TradeResult> result = Optional.empty();
    if (rs.getString(20) != null && rs.getString(22) != null) {
      result =
          Optional.of(
              new TradeResult(
                  new BigDecimal(rs.getString(20)),
                  rs.getString(21),
                  new BigDecimal(rs.getString(22)),
                  new BigDecimal(rs.getString(23)),
                  new BigDecimal(rs.getString(24)),
                  new BigDecimal(rs.getString(25)),
                  new BigDecimal(rs.getString(26)),
                  new BigDecimal(rs.getString(27))));
    }
    return new TradeRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Side.valueOf(rs.getString(4)),
        EntryKind.valueOf(rs.getString(5)),
        new BigDecimal(rs.getString(6)),
        new BigDecimal(rs.getString(7)),
        new BigDecimal(rs.getString(8)),
        new BigDecimal(rs.getString(9)),
        new BigDecimal(rs.getString(10)),
        new BigDecimal(rs.getString(11)),
        Instant.parse(rs.getString(12)),
        TradeStatus.valueOf(rs.getString(13)),
        rs.getString(14),
        new BigDecimal(rs.getString(15)),
        Optional.ofNullable(rs.getString(16)).map(BigDecimal::new),
        optionalInstant(rs.getString(17)),
        optionalInstant(rs.getString(18)),
        optionalInstant(rs.getString(19)),
        result,
        Instant.parse(rs.getString(28)));
  }

  private List<OrderRecord> queryOrders(String sql, String key) {
    return read(
        () -> {
          List<OrderRecord> list = new ArrayList<>();
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (key != null) {
              ps.setString(1, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                list.add(
                    new OrderRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        new BigDecimal(rs.getString(7)),
                        Optional.ofNullable(rs.getString(8)).map(BigDecimal::new),
                        Optional.ofNullable(rs.getString(9)).map(BigDecimal::new),
                        Optional.ofNullable(rs.getString(10)).map(BigDecimal::new),
                        rs.getInt(11) == 1,
                        OrderStatus.valueOf(rs.getString(12)),
                        optionalInstant(rs.getString(13)),
                        rs.getString(14),
                        new BigDecimal(rs.getString(15)),
                        rs.getString(16),
                        Instant.parse(rs.getString(17)),
                        Instant.parse(rs.getString(18))));
              }
            }
          }
          return list;
        });
  }

  private static Optional<Instant> optionalInstant(String text) {
    return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }

  private void write(SqlAction action) {
    write(
        () -> {
          action.run();
          return Boolean.TRUE;
        });
  }

  private <T> T write(SqlWork<T> work) {
    checkOpen();
    try {
      T value = work.run();
      connection.commit();
      return value;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new JournalException("execution journal " + file + ": write failed: " + e, e);
    }
  }

  private <T> T read(SqlWork<T> work) {
    checkOpen();
    try {
      T value = work.run();
      connection.commit();
      return value;
    } catch (SQLException e) {
      throw new JournalException("execution journal " + file + ": read failed: " + e, e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("execution journal " + file + " is closed");
    }
  }
}
