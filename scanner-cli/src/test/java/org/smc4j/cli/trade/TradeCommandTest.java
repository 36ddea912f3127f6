package org.smc4j.cli.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradingEnvironment;
import org.smc4j.trading.order.EntryKind;
import picocli.CommandLine;

class TradeCommandTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Smc4jMain.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path journalWithAWorkingEntry() {
    Path file = dir.resolve("bot.sqlite");
    Instant now = Instant.now();
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      journal.bindEnvironment(TradingEnvironment.DEMO);
      journal.beginTrade(
          TradeRecord.signalled(
              "sKEYKEYKEYKEYKEYKEYKEYK",
              "sig",
              "BTC-USDT-SWAP",
              Side.LONG,
              EntryKind.LIMIT,
              new BigDecimal("69900"),
              new BigDecimal("69000"),
              new BigDecimal("71700"),
              new BigDecimal("0.16"),
              new BigDecimal("0.01"),
              new BigDecimal("1.44"),
              now.plusSeconds(300),
              now),
          OrderRecord.intent(
              "sKEYKEYKEYKEYKEYKEYKEYKE1",
              "sKEYKEYKEYKEYKEYKEYKEYK",
              "E",
              "BTC-USDT-SWAP",
              "buy",
              "post_only",
              new BigDecimal("0.16"),
              Optional.of(new BigDecimal("69900")),
              Optional.of(new BigDecimal("69000")),
              Optional.of(new BigDecimal("71700")),
              false,
              Optional.of(now.plusSeconds(5)),
              now));
      journal.updateOrder(
          "sKEYKEYKEYKEYKEYKEYKEYKE1",
          OrderStatus.LIVE,
          "0",
          "accepted",
          "123",
          Optional.empty(),
          now);
    }
    return file;
  }

  @Test
  void shouldPrintOpenTradesWorkingOrdersTodaysLossAndTheKillSwitch() {
    Path file = journalWithAWorkingEntry();

    Run r = run("trade", "status", "--journal", file.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("(demo)")
        .contains("kill switch: not tripped")
        .contains(
            "realised 0.0000 USDT, open risk 1.4400 USDT, committed -1.4400 USDT, open trades 1")
        .contains("BTC-USDT-SWAP LONG ENTRY_WORKING filled 0/0.16")
        .contains("sKEYKEYKEYKEYKEYKEYKEYKE1 BTC-USDT-SWAP buy post_only 0.16 @ 69900 LIVE");
  }

  @Test
  void shouldTripTheKillSwitchPersistentlyAndClearIt() {
    Path file = journalWithAWorkingEntry();

    Run stop = run("trade", "stop", "--level", "2", "--journal", file.toString());

    assertThat(stop.exit()).isEqualTo(ExitCodes.OK);
    assertThat(stop.out()).contains("kill switch level 2 tripped");
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.killSwitchLevel()).isEqualTo(2);
    }
    assertThat(run("trade", "status", "--journal", file.toString()).out())
        .contains("kill switch: level 2 (until cleared)");

    assertThat(run("trade", "stop", "--clear", "--journal", file.toString()).exit())
        .isEqualTo(ExitCodes.OK);
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.killSwitchLevel()).isZero();
    }
  }

  @Test
  void shouldRefuseABadLevelAndAMissingJournal() {
    Path file = journalWithAWorkingEntry();

    Run bad = run("trade", "stop", "--level", "4", "--journal", file.toString());
    Run missing = run("trade", "status", "--journal", dir.resolve("nope.sqlite").toString());

    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--level must be 1, 2 or 3, was 4");
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("does not exist");
    assertThat(dir.resolve("nope.sqlite")).doesNotExist();
  }

  @Test
  void statusAndStopRefuseAnSqliteFileThatIsNotATradeJournalAndLeaveItUntouched() throws Exception {
    Path other = dir.resolve("other.sqlite");
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + other.toAbsolutePath());
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE foo (x INTEGER)");
      st.execute("INSERT INTO foo VALUES (1)");
    }
    byte[] before = java.nio.file.Files.readAllBytes(other);

    Run status = run("trade", "status", "--journal", other.toString());
    Run stop = run("trade", "stop", "--level", "1", "--journal", other.toString());

    assertThat(status.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(stop.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(status.err()).contains("is not a trade journal");
    assertThat(stop.out()).doesNotContain("tripped");
    assertThat(java.nio.file.Files.readAllBytes(other)).isEqualTo(before);
  }

  @Test
  void symbolsWithoutReplayIsAUsageErrorBeforeAnythingStarts() {
    Path journal = dir.resolve("paper.sqlite");

    Run r =
        run(
            "trade",
            "--symbols",
            "BTCUSDT",
            "--journal",
            journal.toString(),
            "--okx-url",
            "http://127.0.0.1:1",
            "--once");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--symbols works with --replay only");
    assertThat(journal).doesNotExist();
  }
}
