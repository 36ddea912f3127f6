package org.smc4j.trading.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.order.Trade;

/**
 * A journal in an SQLite file: tables {@code runs}, {@code signals}, {@code cancellations} and
 * {@code trades}, plus {@code schema_version}. The file is opened in WAL mode and rows are written
 * in batches, one transaction per batch.
 *
 * <p>Journal data is never lost: opening an existing journal appends to it, and every run gets a
 * new {@link #runId()} that all its rows carry. A file with a newer schema than this version writes
 * is refused rather than altered.
 */
public final class SqliteJournal implements Journal {

  /**
   * The schema version this class writes. Version 2 added {@code trigger_level}, {@code atr} and
   * {@code fvg_time} to {@code signals} and {@code trades}; version 3 added {@code skip_kind} and
   * {@code skip_detail} to {@code signals} (the {@link SkipReason} as data beside its text in
   * {@code reason}). An older journal is migrated on open (its old rows keep NULL there).
   */
  public static final int SCHEMA_VERSION = 3;

  /** The columns version 2 added to {@code signals} and {@code trades}, with their types. */
  private static final String[] ADDED_IN_2 = {"trigger_level REAL", "atr REAL", "fvg_time TEXT"};

  /** The columns version 3 added to {@code signals}, with their types. */
  private static final String[] ADDED_IN_3 = {"skip_kind TEXT", "skip_detail TEXT"};

  private static final int BATCH_ROWS = 500;

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS runs (run_id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " started_at TEXT NOT NULL, finished_at TEXT, description TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS signals (run_id INTEGER NOT NULL REFERENCES runs(run_id),"
        + " signal_id INTEGER NOT NULL, symbol TEXT NOT NULL, signal_time TEXT NOT NULL,"
        + " side TEXT NOT NULL, entry_kind TEXT NOT NULL, entry_price REAL NOT NULL,"
        + " stop REAL NOT NULL, target REAL NOT NULL, second_target REAL, contracts REAL,"
        + " planned_risk REAL, status TEXT NOT NULL, reason TEXT, "
        + SetupColumns.DDL
        + ", skip_kind TEXT, skip_detail TEXT)",
    "CREATE INDEX IF NOT EXISTS signals_run ON signals(run_id, symbol, signal_time)",
    "CREATE TABLE IF NOT EXISTS cancellations (run_id INTEGER NOT NULL REFERENCES runs(run_id),"
        + " intent_id INTEGER NOT NULL, symbol TEXT NOT NULL, cancel_time TEXT NOT NULL,"
        + " reason TEXT NOT NULL, detail TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS trades (run_id INTEGER NOT NULL REFERENCES runs(run_id),"
        + " intent_id INTEGER NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL,"
        + " entry_kind TEXT NOT NULL, signal_time TEXT NOT NULL, entry_time TEXT NOT NULL,"
        + " planned_entry REAL NOT NULL, entry_price REAL NOT NULL, entry_liquidity TEXT NOT NULL,"
        + " stop REAL NOT NULL, target REAL NOT NULL, second_target REAL,"
        + " exit_time TEXT NOT NULL, exit_price REAL NOT NULL, exit_liquidity TEXT NOT NULL,"
        + " exit_reason TEXT NOT NULL, contracts REAL NOT NULL, contract_multiplier REAL NOT NULL,"
        + " planned_risk REAL NOT NULL, entry_fee REAL NOT NULL, exit_fee REAL NOT NULL,"
        + " funding REAL NOT NULL, funding_settlements INTEGER NOT NULL,"
        + " entry_slippage REAL NOT NULL, exit_slippage REAL NOT NULL, slippage_cost REAL NOT NULL,"
        + " gross_pnl REAL NOT NULL, net_pnl REAL NOT NULL, r_gross REAL NOT NULL,"
        + " r_net REAL NOT NULL, ambiguous INTEGER NOT NULL, optimistic_net_pnl REAL NOT NULL, "
        + SetupColumns.DDL
        + ")",
    "CREATE INDEX IF NOT EXISTS trades_run ON trades(run_id, symbol, entry_time)",
  };

  private static final String INSERT_SIGNAL =
      "INSERT INTO signals (run_id, signal_id, symbol, signal_time, side, entry_kind, entry_price,"
          + " stop, target, second_target, contracts, planned_risk, status, reason, "
          + SetupColumns.NAMES
          + ", skip_kind, skip_detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
          + SetupColumns.PLACEHOLDERS
          + ",?,?)";

  private static final String INSERT_CANCEL =
      "INSERT INTO cancellations (run_id, intent_id, symbol, cancel_time, reason, detail)"
          + " VALUES (?,?,?,?,?,?)";

  private static final String INSERT_TRADE =
      "INSERT INTO trades (run_id, intent_id, symbol, side, entry_kind, signal_time, entry_time,"
          + " planned_entry, entry_price, entry_liquidity, stop, target, second_target, exit_time,"
          + " exit_price, exit_liquidity, exit_reason, contracts, contract_multiplier,"
          + " planned_risk, entry_fee, exit_fee, funding, funding_settlements, entry_slippage,"
          + " exit_slippage, slippage_cost, gross_pnl, net_pnl, r_gross, r_net, ambiguous,"
          + " optimistic_net_pnl, "
          + SetupColumns.NAMES
          + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
          + SetupColumns.PLACEHOLDERS
          + ")";

  private final Path file;
  private final Connection connection;
  private final long runId;
  private final List<SignalRecord> signals = new ArrayList<>();
  private final List<OrderCancellation> cancels = new ArrayList<>();
  private final List<Trade> trades = new ArrayList<>();
  private boolean closed;

  private SqliteJournal(Path file, Connection connection, long runId) {
    this.file = file;
    this.connection = connection;
    this.runId = runId;
  }

  /**
   * Opens (creating if needed) a journal file and starts a new run in it. Existing runs are kept.
   *
   * @param file the SQLite file; its folder is created when missing
   * @param description what this run is, e.g. the command line
   * @return the open journal
   * @throws JournalException when the file cannot be opened, is not an SQLite journal, or has a
   *     newer schema version
   */
  public static SqliteJournal open(Path file, String description) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(description, "description");
    Connection c = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA foreign_keys=ON");
      }
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        for (String ddl : SCHEMA) {
          st.execute(ddl);
        }
      }
      checkVersion(c, file);
      long runId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO runs (started_at, description) VALUES (?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, Instant.now().toString());
        ps.setString(2, description);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          runId = keys.getLong(1);
        }
      }
      c.commit();
      return new SqliteJournal(file, c, runId);
    } catch (Exception e) {
      closeQuietly(c, e);
      if (e instanceof JournalException je) {
        throw je;
      }
      throw new JournalException("cannot open journal " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkVersion(Connection c, Path file) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      int version = rs.getInt(1);
      if (rs.wasNull()) {
        st.execute("INSERT INTO schema_version (version) VALUES (" + SCHEMA_VERSION + ")");
      } else if (version == 1 || version == 2) {
        // the tables exist without the newer columns (CREATE TABLE IF NOT EXISTS kept them)
        if (version == 1) {
          for (String table : new String[] {"signals", "trades"}) {
            for (String column : ADDED_IN_2) {
              st.execute("ALTER TABLE " + table + " ADD COLUMN " + column);
            }
          }
        }
        for (String column : ADDED_IN_3) {
          st.execute("ALTER TABLE signals ADD COLUMN " + column);
        }
        st.execute("UPDATE schema_version SET version = " + SCHEMA_VERSION);
      } else if (version != SCHEMA_VERSION) {
        throw new JournalException(
            "journal "
                + file
                + " has schema version "
                + version
                + ", this smc4j reads and writes version "
                + SCHEMA_VERSION
                + "; use another --out folder or a matching smc4j");
      }
    }
  }

  private static void closeQuietly(Connection c, Exception primary) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        primary.addSuppressed(e);
      }
    }
  }

  /**
   * Reads back the signals one run journaled, in the order they were written; each skipped signal's
   * {@link SkipReason} is rebuilt from its {@code skip_kind}, {@code skip_detail} and {@code
   * reason} columns.
   *
   * @param file a journal file
   * @param runId the run to read
   * @return the run's signals
   * @throws JournalException when the file cannot be read, or a skipped row has no skip kind (it
   *     was written before schema version 3)
   */
  public static List<SignalRecord> readSignals(Path file, long runId) {
    Objects.requireNonNull(file, "file");
    List<SignalRecord> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT signal_id, symbol, signal_time, side, entry_kind, entry_price, stop,"
                    + " target, second_target, contracts, planned_risk, status, reason, "
                    + SetupColumns.NAMES
                    + ", skip_kind, skip_detail FROM signals WHERE run_id = ? ORDER BY rowid")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readSignal(rs, file));
        }
      }
    } catch (SQLException e) {
      throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static SignalRecord readSignal(ResultSet rs, Path file) throws SQLException {
    long id = rs.getLong("signal_id");
    SignalStatus status = SignalStatus.valueOf(rs.getString("status"));
    Optional<SkipReason> skip = Optional.empty();
    if (status == SignalStatus.SKIPPED) {
      String kind = rs.getString("skip_kind");
      if (kind == null) {
        throw new JournalException(
            "journal " + file + ": skipped signal " + id + " has no skip_kind");
      }
      skip =
          Optional.of(
              SkipReason.of(
                  SkipReason.Kind.valueOf(kind),
                  Objects.requireNonNullElse(rs.getString("skip_detail"), ""),
                  rs.getString("reason")));
    }
    return new SignalRecord(
        id,
        rs.getString("symbol"),
        Instant.parse(rs.getString("signal_time")),
        Side.valueOf(rs.getString("side")),
        EntryKind.valueOf(rs.getString("entry_kind")),
        price(rs, "entry_price"),
        price(rs, "stop"),
        price(rs, "target"),
        optional(rs, "second_target"),
        optional(rs, "contracts"),
        optional(rs, "planned_risk"),
        SetupColumns.read(rs),
        status,
        skip);
  }

  /** Reads a price written by {@link #setPrice}: a number, or the text of a non-finite one. */
  private static double price(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    return value instanceof String text ? Double.parseDouble(text) : rs.getDouble(column);
  }

  private static OptionalDouble optional(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column) == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(price(rs, column));
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /** Returns the id every row of this run carries. */
  public long runId() {
    return runId;
  }

  @Override
  public synchronized void recordSignal(SignalRecord signal) {
    signals.add(Objects.requireNonNull(signal, "signal"));
    flushIfFull();
  }

  @Override
  public synchronized void recordCancel(OrderCancellation cancellation) {
    cancels.add(Objects.requireNonNull(cancellation, "cancellation"));
    flushIfFull();
  }

  @Override
  public synchronized void recordTrade(Trade trade) {
    trades.add(Objects.requireNonNull(trade, "trade"));
    flushIfFull();
  }

  private void flushIfFull() {
    if (signals.size() + cancels.size() + trades.size() >= BATCH_ROWS) {
      flush();
    }
  }

  /**
   * Work that must commit or roll back together with the journal's buffered rows, e.g. a scanner's
   * pending deliveries of the signal it journals.
   */
  @FunctionalInterface
  public interface TransactionStep {

    /**
     * Runs inside the journal's transaction; must not commit, roll back or close.
     *
     * @param connection the journal's connection
     * @param runId this run's id
     * @throws SQLException to roll the whole transaction back
     */
    void run(Connection connection, long runId) throws SQLException;
  }

  @Override
  public synchronized void flush() {
    if (signals.isEmpty() && cancels.isEmpty() && trades.isEmpty()) {
      if (closed) {
        throw new IllegalStateException("journal " + file + " is closed");
      }
      return;
    }
    flush((connection, run) -> {});
  }

  /**
   * Writes the buffered rows and runs {@code step} in one transaction: both are committed, or
   * neither.
   *
   * @param step the extra work, run after the buffered rows are written
   * @throws JournalException when the transaction fails (it is rolled back)
   */
  public synchronized void flush(TransactionStep step) {
    Objects.requireNonNull(step, "step");
    if (closed) {
      throw new IllegalStateException("journal " + file + " is closed");
    }
    try {
      try (PreparedStatement ps = connection.prepareStatement(INSERT_SIGNAL)) {
        for (SignalRecord s : signals) {
          bindSignal(ps, s);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = connection.prepareStatement(INSERT_CANCEL)) {
        for (OrderCancellation c : cancels) {
          ps.setLong(1, runId);
          ps.setLong(2, c.intent().intentId());
          ps.setString(3, c.intent().symbol());
          ps.setString(4, c.time().toString());
          ps.setString(5, c.reason().name());
          ps.setString(6, c.detail());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = connection.prepareStatement(INSERT_TRADE)) {
        for (Trade t : trades) {
          bindTrade(ps, t);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      step.run(connection, runId);
      connection.commit();
      signals.clear();
      cancels.clear();
      trades.clear();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw new JournalException("cannot write to journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void bindSignal(PreparedStatement ps, SignalRecord s) throws SQLException {
    ps.setLong(1, runId);
    ps.setLong(2, s.signalId());
    ps.setString(3, s.symbol());
    ps.setString(4, s.signalTime().toString());
    ps.setString(5, s.side().name());
    ps.setString(6, s.entryKind().name());
    setPrice(ps, 7, s.entryPrice());
    setPrice(ps, 8, s.stop());
    setPrice(ps, 9, s.target());
    setOptional(ps, 10, s.secondTarget());
    setOptional(ps, 11, s.contracts());
    setOptional(ps, 12, s.plannedRisk());
    ps.setString(13, s.status().name());
    int next = 15 + SetupColumns.COUNT;
    if (s.skip().isPresent()) {
      SkipReason skip = s.skip().get();
      ps.setString(14, skip.message());
      ps.setString(next, skip.kind().name());
      ps.setString(next + 1, skip.detail());
    } else {
      ps.setNull(14, Types.VARCHAR);
      ps.setNull(next, Types.VARCHAR);
      ps.setNull(next + 1, Types.VARCHAR);
    }
    SetupColumns.bind(ps, 15, s.details());
  }

  /**
   * Binds a price; a non-finite one (only an invalid plan has it) is stored as its text, since
   * SQLite would turn NaN into NULL.
   */
  private static void setPrice(PreparedStatement ps, int index, double price) throws SQLException {
    if (Double.isFinite(price)) {
      ps.setDouble(index, price);
    } else {
      ps.setString(index, Double.toString(price));
    }
  }

  private void bindTrade(PreparedStatement ps, Trade t) throws SQLException {
    OrderIntent in = t.intent();
    int k = 1;
    ps.setLong(k++, runId);
    ps.setLong(k++, in.intentId());
    ps.setString(k++, in.symbol());
    ps.setString(k++, in.side().name());
    ps.setString(k++, in.entryKind().name());
    ps.setString(k++, in.signalTime().toString());
    ps.setString(k++, t.entryTime().toString());
    ps.setDouble(k++, in.entryPrice());
    ps.setDouble(k++, t.entryPrice());
    ps.setString(k++, t.entryLiquidity().name());
    ps.setDouble(k++, in.stop());
    ps.setDouble(k++, in.target());
    setOptional(ps, k++, in.secondTarget());
    ps.setString(k++, t.exitTime().toString());
    ps.setDouble(k++, t.exitPrice());
    ps.setString(k++, t.exitLiquidity().name());
    ps.setString(k++, t.exitReason().name());
    ps.setDouble(k++, in.contracts());
    ps.setDouble(k++, in.contractMultiplier());
    ps.setDouble(k++, in.plannedRisk());
    ps.setDouble(k++, t.entryFee());
    ps.setDouble(k++, t.exitFee());
    ps.setDouble(k++, t.funding());
    ps.setInt(k++, t.fundingSettlements());
    ps.setDouble(k++, t.entrySlippage());
    ps.setDouble(k++, t.exitSlippage());
    ps.setDouble(k++, t.slippageCost());
    ps.setDouble(k++, t.grossPnl());
    ps.setDouble(k++, t.netPnl());
    ps.setDouble(k++, t.rGross());
    ps.setDouble(k++, t.rNet());
    ps.setInt(k++, t.ambiguous() ? 1 : 0);
    ps.setDouble(k++, t.optimisticNetPnl());
    SetupColumns.bind(ps, k, in.details());
  }

  private static void setOptional(PreparedStatement ps, int index, OptionalDouble value)
      throws SQLException {
    if (value.isPresent()) {
      setPrice(ps, index, value.getAsDouble());
    } else {
      ps.setNull(index, Types.REAL);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      flush();
      try (PreparedStatement ps =
          connection.prepareStatement("UPDATE runs SET finished_at = ? WHERE run_id = ?")) {
        ps.setString(1, Instant.now().toString());
        ps.setLong(2, runId);
        ps.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new JournalException("cannot finish journal " + file + ": " + e.getMessage(), e);
    } finally {
      closed = true;
      try {
        connection.close();
      } catch (SQLException e) {
        throw new JournalException("cannot close journal " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The setup columns shared by signals and trades. */
  private static final class SetupColumns {
    static final String NAMES =
        "trigger, score, score_parts, poi_top, poi_bottom, fvg_top, fvg_bottom, fib_50, fib_618,"
            + " fib_786, leg_start, leg_end, break_level, poi_armed_time, tap_time,"
            + " trigger_level, atr, fvg_time";
    static final String PLACEHOLDERS = "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?";
    static final int COUNT = 18;
    static final String DDL =
        "trigger TEXT, score INTEGER, score_parts TEXT, poi_top REAL, poi_bottom REAL,"
            + " fvg_top REAL, fvg_bottom REAL, fib_50 REAL, fib_618 REAL, fib_786 REAL,"
            + " leg_start REAL, leg_end REAL, break_level REAL, poi_armed_time TEXT, tap_time TEXT,"
            + " trigger_level REAL, atr REAL, fvg_time TEXT";

    private SetupColumns() {}

    static Optional<SetupDetails> read(ResultSet rs) throws SQLException {
      String trigger = rs.getString("trigger");
      if (trigger == null) {
        return Optional.empty();
      }
      String parts = rs.getString("score_parts");
      return Optional.of(
          new SetupDetails(
              trigger,
              rs.getInt("score"),
              parts == null || parts.isEmpty() ? List.of() : List.of(parts.split("\\+")),
              rs.getDouble("poi_top"),
              rs.getDouble("poi_bottom"),
              rs.getDouble("fvg_top"),
              rs.getDouble("fvg_bottom"),
              rs.getDouble("fib_50"),
              rs.getDouble("fib_618"),
              rs.getDouble("fib_786"),
              rs.getDouble("leg_start"),
              rs.getDouble("leg_end"),
              rs.getDouble("break_level"),
              Instant.parse(rs.getString("poi_armed_time")),
              Instant.parse(rs.getString("tap_time")),
              rs.getDouble("trigger_level"),
              rs.getDouble("atr"),
              Instant.parse(rs.getString("fvg_time"))));
    }

    static void bind(PreparedStatement ps, int from, Optional<SetupDetails> details)
        throws SQLException {
      if (details.isEmpty()) {
        ps.setNull(from, Types.VARCHAR);
        ps.setNull(from + 1, Types.INTEGER);
        ps.setNull(from + 2, Types.VARCHAR);
        for (int k = 3; k < 13; k++) {
          ps.setNull(from + k, Types.REAL);
        }
        ps.setNull(from + 13, Types.VARCHAR);
        ps.setNull(from + 14, Types.VARCHAR);
        ps.setNull(from + 15, Types.REAL);
        ps.setNull(from + 16, Types.REAL);
        ps.setNull(from + 17, Types.VARCHAR);
        return;
      }
      SetupDetails d = details.get();
      ps.setString(from, d.trigger());
      ps.setInt(from + 1, d.score());
      ps.setString(from + 2, String.join("+", d.scoreParts()));
      double[] levels = {
        d.poiTop(),
        d.poiBottom(),
        d.fvgTop(),
        d.fvgBottom(),
        d.fib50(),
        d.fib618(),
        d.fib786(),
        d.legStart(),
        d.legEnd(),
        d.breakLevel()
      };
      for (int k = 0; k < levels.length; k++) {
        ps.setDouble(from + 3 + k, levels[k]);
      }
      ps.setString(from + 13, d.poiArmedTime().toString());
      ps.setString(from + 14, d.tapTime().toString());
      ps.setDouble(from + 15, d.triggerLevel());
      ps.setDouble(from + 16, d.atr());
      ps.setString(from + 17, d.fvgTime().toString());
    }
  }
}
