package org.smc4j.backtest.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smc4j.backtest.testing.TestBars.T0;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.RefusalReason;
import org.smc4j.risk.guard.Guard;
import org.smc4j.risk.guard.GuardRefusal;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.journal.JournalException;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.order.CancelReason;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.order.Trade;

class SqliteJournalTest {

  @TempDir Path dir;

  static final SetupDetails DETAILS =
      new SetupDetails(
          "FVG",
          3,
          List.of("poi-fvg", "golden-pocket", "retest"),
          100.5,
          99.8,
          100.9,
          99.6,
          100.5,
          100.1,
          99.7,
          98,
          103,
          101,
          Instant.ofEpochMilli(T0),
          Instant.ofEpochMilli(T0 + 900_000),
          100.3,
          0.4,
          Instant.ofEpochMilli(T0 - 2_700_000));

  static OrderIntent intent(long id) {
    return new OrderIntent(
        id,
        "poi-" + id,
        "BTCUSDT",
        Side.LONG,
        EntryKind.LIMIT,
        100,
        99,
        102,
        OptionalDouble.of(103),
        Instant.ofEpochMilli(T0),
        1,
        1,
        1,
        Optional.of(DETAILS));
  }

  static Trade trade(long id) {
    return new Trade(
        intent(id),
        Instant.ofEpochMilli(T0 + 300_000),
        100,
        Liquidity.MAKER,
        0.02,
        0,
        Instant.ofEpochMilli(T0 + 3_600_000),
        98.9,
        Liquidity.TAKER,
        0.05,
        0.1,
        ExitReason.STOP,
        0.01,
        1,
        true,
        Optional.of(
            new org.smc4j.trading.order.AlternativeExit(
                102, Liquidity.MAKER, 0.0204, ExitReason.TARGET)));
  }

  static SignalRecord taken(long id) {
    OrderIntent in = intent(id);
    return new SignalRecord(
        id,
        in.symbol(),
        in.signalTime(),
        in.side(),
        in.entryKind(),
        in.entryPrice(),
        in.stop(),
        in.target(),
        in.secondTarget(),
        OptionalDouble.of(1),
        OptionalDouble.of(1),
        in.details(),
        SignalStatus.TAKEN,
        Optional.empty());
  }

  static SignalRecord skipped(long id, SkipReason reason) {
    return new SignalRecord(
        id,
        "BTCUSDT",
        Instant.ofEpochMilli(T0),
        Side.SHORT,
        EntryKind.MARKET_NEXT_OPEN,
        100,
        101,
        98,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        SignalStatus.SKIPPED,
        Optional.of(reason));
  }

  private static long count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void shouldWriteSignalsTradesAndCancellationsWithAllColumns() throws Exception {
    Path db = dir.resolve("journal.sqlite");
    try (SqliteJournal j = SqliteJournal.open(db, "test run")) {
      assertThat(j.runId()).isEqualTo(1);
      j.recordSignal(taken(1));
      j.recordSignal(
          skipped(
              2,
              new SkipReason.SymbolBusy("one position per symbol: BTCUSDT holds a LONG position")));
      j.recordTrade(trade(1));
      j.recordCancel(
          new OrderCancellation(
              intent(3), Instant.ofEpochMilli(T0), CancelReason.POI_DIED, "leg replaced"));
    }
    assertThat(count(db, "SELECT COUNT(*) FROM signals WHERE run_id = 1")).isEqualTo(2);
    assertThat(count(db, "SELECT COUNT(*) FROM trades WHERE run_id = 1")).isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM cancellations WHERE run_id = 1")).isEqualTo(1);
    assertThat(count(db, "SELECT version FROM schema_version")).isEqualTo(3);
    assertThat(count(db, "SELECT COUNT(*) FROM runs WHERE finished_at IS NOT NULL")).isEqualTo(1);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT net_pnl, r_gross, ambiguous, optimistic_net_pnl, score, score_parts,"
                    + " exit_reason, funding, entry_time, trigger_level, atr, fvg_time"
                    + " FROM trades")) {
      rs.next();
      // gross (98.9 - 100) = -1.1; net = -1.1 - 0.07 - 0.01
      assertThat(rs.getDouble(1)).isCloseTo(-1.18, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(rs.getDouble(2)).isCloseTo(-1.1, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(rs.getInt(3)).isEqualTo(1);
      assertThat(rs.getDouble(4))
          .isCloseTo(2 - 0.02 - 0.0204 - 0.01, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(rs.getInt(5)).isEqualTo(3);
      assertThat(rs.getString(6)).isEqualTo("poi-fvg+golden-pocket+retest");
      assertThat(rs.getString(7)).isEqualTo("STOP");
      assertThat(rs.getDouble(8)).isEqualTo(0.01);
      assertThat(rs.getString(9)).isEqualTo("2025-01-01T00:05:00Z");
      assertThat(rs.getDouble(10)).isEqualTo(100.3);
      assertThat(rs.getDouble(11)).isEqualTo(0.4);
      assertThat(rs.getString(12)).isEqualTo("2024-12-31T23:15:00Z");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void shouldAppendANewRunToAnExistingJournalAndKeepTheOldOne() throws Exception {
    Path db = dir.resolve("journal.sqlite");
    try (SqliteJournal j = SqliteJournal.open(db, "first")) {
      j.recordTrade(trade(1));
    }
    try (SqliteJournal j = SqliteJournal.open(db, "second")) {
      assertThat(j.runId()).isEqualTo(2);
      j.recordTrade(trade(1));
      j.recordTrade(trade(2));
    }
    assertThat(count(db, "SELECT COUNT(*) FROM trades WHERE run_id = 1")).isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM trades WHERE run_id = 2")).isEqualTo(2);
    assertThat(count(db, "SELECT COUNT(*) FROM runs")).isEqualTo(2);
  }

  @Test
  void shouldWriteInBatchesWithoutLosingRows() throws Exception {
    Path db = dir.resolve("journal.sqlite");
    try (SqliteJournal j = SqliteJournal.open(db, "many")) {
      for (int i = 0; i < 1234; i++) {
        j.recordSignal(
            skipped(
                i, new SkipReason.SizeRefused(RefusalReason.MIN_SIZE_OVER_TARGET, "size refused")));
      }
      // the first two batches of 500 are already committed before close
      assertThat(count(db, "SELECT COUNT(*) FROM signals")).isEqualTo(1000);
    }
    assertThat(count(db, "SELECT COUNT(*) FROM signals")).isEqualTo(1234);
  }

  @Test
  void shouldRefuseAJournalWithANewerSchema() throws Exception {
    Path db = dir.resolve("journal.sqlite");
    SqliteJournal.open(db, "first").close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("UPDATE schema_version SET version = 4");
    }
    assertThatThrownBy(() -> SqliteJournal.open(db, "second"))
        .isInstanceOf(JournalException.class)
        .hasMessage(
            "journal "
                + db
                + " has schema version 4, this smc4j reads and writes version 3; use another"
                + " --out folder or a matching smc4j");
    assertThat(count(db, "SELECT COUNT(*) FROM runs")).isEqualTo(1);
  }

  @Test
  void shouldMigrateAVersionOneJournalAndKeepItsRows() throws Exception {
    Path db = dir.resolve("journal.sqlite");
    try (SqliteJournal j = SqliteJournal.open(db, "first")) {
      j.recordTrade(trade(1));
    }
    // turn the file into what version 1 wrote: no trigger_level, atr, fvg_time columns
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      for (String table : List.of("signals", "trades")) {
        for (String column : List.of("trigger_level", "atr", "fvg_time")) {
          st.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
        }
      }
      st.execute("ALTER TABLE signals DROP COLUMN skip_kind");
      st.execute("ALTER TABLE signals DROP COLUMN skip_detail");
      st.execute("UPDATE schema_version SET version = 1");
    }
    try (SqliteJournal j = SqliteJournal.open(db, "second")) {
      assertThat(j.runId()).isEqualTo(2);
      j.recordTrade(trade(2));
    }
    assertThat(count(db, "SELECT version FROM schema_version")).isEqualTo(3);
    assertThat(count(db, "SELECT COUNT(*) FROM trades")).isEqualTo(2);
    assertThat(count(db, "SELECT COUNT(*) FROM trades WHERE run_id = 1 AND atr IS NULL"))
        .isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM trades WHERE run_id = 2 AND atr = 0.4"))
        .isEqualTo(1);
  }

  @Test
  void shouldMigrateAVersionTwoJournalByAddingTheSkipColumns() throws Exception {
    Path db = dir.resolve("journal.sqlite");
    try (SqliteJournal j = SqliteJournal.open(db, "first")) {
      j.recordSignal(taken(1));
    }
    // turn the file into what version 2 wrote: no skip_kind, skip_detail columns
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE signals DROP COLUMN skip_kind");
      st.execute("ALTER TABLE signals DROP COLUMN skip_detail");
      st.execute("UPDATE schema_version SET version = 2");
    }
    SkipReason busy = new SkipReason.SymbolBusy("one position per symbol: BTCUSDT holds a LONG");
    long run;
    try (SqliteJournal j = SqliteJournal.open(db, "second")) {
      run = j.runId();
      j.recordSignal(skipped(2, busy));
    }
    assertThat(count(db, "SELECT version FROM schema_version")).isEqualTo(3);
    assertThat(count(db, "SELECT COUNT(*) FROM signals WHERE run_id = 1 AND skip_kind IS NULL"))
        .isEqualTo(1);
    assertThat(SqliteJournal.readSignals(db, run)).containsExactly(skipped(2, busy));
  }

  @Test
  void shouldReadBackEachSkipReasonAsTheSameData() {
    Path db = dir.resolve("journal.sqlite");
    List<SignalRecord> written =
        List.of(
            taken(1),
            skipped(2, new SkipReason.SymbolBusy("one position per symbol: BTCUSDT is busy")),
            skipped(
                3,
                SkipReason.SizeRefused.of(
                    RefusalReason.MIN_SIZE_OVER_TARGET, "min size risks $1.30, over $1.10")),
            skipped(
                4,
                SkipReason.GuardRejected.of(
                    List.of(
                        new GuardRefusal(Guard.DAILY_LOSS, "realised loss today 3 >= 3"),
                        new GuardRefusal(Guard.MARGIN, "margin 12 > free 10"),
                        new GuardRefusal(Guard.DAILY_LOSS, "again")))),
            skipped(5, new SkipReason.BrokerRejected("venue closed")),
            new SignalRecord(
                6,
                "BTCUSDT",
                Instant.ofEpochMilli(T0),
                Side.SHORT,
                EntryKind.MARKET_NEXT_OPEN,
                100,
                Double.NaN,
                -3.5,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                SignalStatus.SKIPPED,
                Optional.of(new SkipReason.InvalidPlan("plan s6: stop must be finite, was NaN"))));
    long run;
    try (SqliteJournal j = SqliteJournal.open(db, "round trip")) {
      run = j.runId();
      written.forEach(j::recordSignal);
    }
    List<SignalRecord> read = SqliteJournal.readSignals(db, run);
    assertThat(read).hasSize(written.size());
    for (int k = 0; k < 5; k++) {
      assertThat(read.get(k)).isEqualTo(written.get(k));
    }
    // records compare doubles with Double.compare, so the NaN stop reads back equal
    assertThat(read.get(5)).isEqualTo(written.get(5));
    assertThat(read.get(3).skip().orElseThrow())
        .isEqualTo(
            new SkipReason.GuardRejected(
                List.of(Guard.DAILY_LOSS, Guard.MARGIN),
                "guard: DAILY_LOSS realised loss today 3 >= 3; MARGIN margin 12 > free 10;"
                    + " DAILY_LOSS again"));
    assertThat(read.get(3).skip().orElseThrow().label()).isEqualTo("guard DAILY_LOSS+MARGIN");
  }

  @Test
  void shouldRefuseAFileThatIsNotAJournalWithoutTouchingIt() throws Exception {
    Path file = dir.resolve("notes.sqlite");
    Files.writeString(file, "these are my notes, not a database\n".repeat(20));
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> SqliteJournal.open(file, "run"))
        .isInstanceOf(JournalException.class)
        .hasMessageStartingWith("cannot open journal " + file + ": ");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void shouldRefuseASkippedSignalWithoutAReason() {
    assertThatThrownBy(
            () ->
                new SignalRecord(
                    5,
                    "X",
                    Instant.EPOCH,
                    Side.LONG,
                    EntryKind.LIMIT,
                    100,
                    99,
                    102,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.empty(),
                    SignalStatus.SKIPPED,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signal 5: a skipped signal needs a reason");
  }

  @Test
  void shouldRefuseATakenSignalWithASkipReason() {
    SignalRecord s = taken(6);
    assertThatThrownBy(
            () ->
                new SignalRecord(
                    6,
                    s.symbol(),
                    s.signalTime(),
                    s.side(),
                    s.entryKind(),
                    s.entryPrice(),
                    s.stop(),
                    s.target(),
                    s.secondTarget(),
                    s.contracts(),
                    s.plannedRisk(),
                    s.details(),
                    SignalStatus.TAKEN,
                    Optional.of(new SkipReason.BrokerRejected("why"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signal 6: a taken signal has no skip reason, was 'why'");
  }

  @Test
  void shouldExportARunToCsvAndXlsx() throws Exception {
    Path db = dir.resolve("journal.sqlite");
    try (SqliteJournal j = SqliteJournal.open(db, "other run")) {
      j.recordTrade(trade(9));
    }
    try (SqliteJournal j = SqliteJournal.open(db, "exported run")) {
      j.recordSignal(taken(1));
      j.recordSignal(
          skipped(
              2,
              new SkipReason.SizeRefused(
                  RefusalReason.MIN_SIZE_OVER_TARGET,
                  "size refused: min size risks $1.30, over $1.10")));
      j.recordTrade(trade(1));
    }
    List<Path> csvs = JournalExporter.exportCsv(db, 2, dir.resolve("csv"));
    assertThat(csvs)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("signals.csv", "trades.csv", "cancellations.csv");
    List<String> signals =
        Files.readAllLines(dir.resolve("csv/signals.csv"), StandardCharsets.UTF_8);
    assertThat(signals).hasSize(3);
    assertThat(signals.get(0)).startsWith("run_id,signal_id,symbol,signal_time,side,");
    assertThat(signals.get(2)).contains("\"size refused: min size risks $1.30, over $1.10\"");
    List<String> trades = Files.readAllLines(dir.resolve("csv/trades.csv"), StandardCharsets.UTF_8);
    assertThat(trades).hasSize(2);
    assertThat(trades.get(1)).startsWith("2,1,BTCUSDT,LONG,LIMIT,");
    assertThat(Files.readAllLines(dir.resolve("csv/cancellations.csv"))).hasSize(1);

    Path xlsx = JournalExporter.exportXlsx(db, 2, dir.resolve("journal.xlsx"));
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(3);
      Sheet t = wb.getSheet("trades");
      assertThat(t.getLastRowNum()).isEqualTo(1);
      assertThat(t.getRow(0).getCell(0).getStringCellValue()).isEqualTo("run_id");
      int netCol = -1;
      for (int k = 0; k < t.getRow(0).getLastCellNum(); k++) {
        if (t.getRow(0).getCell(k).getStringCellValue().equals("net_pnl")) {
          netCol = k;
        }
      }
      assertThat(t.getRow(1).getCell(netCol).getNumericCellValue())
          .isCloseTo(-1.18, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(wb.getSheet("signals").getLastRowNum()).isEqualTo(2);
    }
  }

  @Test
  void shouldQuoteCsvFieldsWithCommasAndQuotes() {
    assertThat(JournalExporter.csv("plain")).isEqualTo("plain");
    assertThat(JournalExporter.csv("a,b")).isEqualTo("\"a,b\"");
    assertThat(JournalExporter.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  void shouldFailToExportAMissingJournal() {
    Path missing = dir.resolve("missing.sqlite");
    assertThatThrownBy(() -> JournalExporter.exportCsv(missing, 1, dir))
        .isInstanceOf(JournalException.class)
        .hasMessage(
            "cannot export journal " + missing + " run 1 to CSV: no journal file at " + missing);
  }
}
