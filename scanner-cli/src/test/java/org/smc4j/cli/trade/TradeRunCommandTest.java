package org.smc4j.cli.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.testing.SharedData;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.execution.TradingEnvironment;
import picocli.CommandLine;

class TradeRunCommandTest {

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

  private static String data() {
    return SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv").toString();
  }

  @Test
  void paperReplayJournalsTradesThatStatusShows() {
    Path journal = dir.resolve("trade.sqlite");

    Run trade =
        run("trade", "--replay", data(), "--symbols", "btcusdt", "--journal", journal.toString());

    assertThat(trade.exit()).as(trade.err()).isEqualTo(ExitCodes.OK);
    assertThat(trade.out()).contains("trade --mode paper over [BTCUSDT]").contains(" closed ");
    int closed;
    try (ExecutionJournal exec = ExecutionJournal.open(journal)) {
      assertThat(exec.environment()).contains(TradingEnvironment.PAPER);
      closed =
          (int)
              exec.trades().stream()
                  .filter(t -> t.status() == TradeStatus.CLOSED && t.result().isPresent())
                  .count();
      assertThat(closed).isPositive();
      assertThat(exec.fills()).isNotEmpty();
    }
    assertThat(trade.out()).contains(closed + " trades closed");
    assertThat(dir.resolve("trade-signals.sqlite")).doesNotExist();
    assertThat(dir.resolve("trade-signals.jsonl")).exists();

    Run status = run("trade", "status", "--journal", journal.toString());

    assertThat(status.exit()).isEqualTo(ExitCodes.OK);
    assertThat(status.out())
        .contains("(paper)")
        .contains("kill switch: not tripped")
        .contains("open trades:")
        .contains("working orders:");
  }

  @Test
  void aTrippedKillSwitchStopsNewEntriesAcrossRestarts() {
    Path journal = dir.resolve("trade.sqlite");
    try (ExecutionJournal exec = ExecutionJournal.open(journal)) {
      exec.bindEnvironment(TradingEnvironment.PAPER);
    }
    assertThat(run("trade", "stop", "--level", "1", "--journal", journal.toString()).exit())
        .isEqualTo(ExitCodes.OK);

    Run trade = run("trade", "--replay", data(), "--journal", journal.toString());

    assertThat(trade.exit()).as(trade.err()).isEqualTo(ExitCodes.OK);
    assertThat(trade.out())
        .contains("0 trades closed")
        .contains("signals skipped by the kill switch");
    try (ExecutionJournal exec = ExecutionJournal.open(journal)) {
      assertThat(exec.trades()).isNotEmpty().allMatch(t -> t.status() == TradeStatus.SKIPPED);
      assertThat(exec.trades().stream().map(TradeRecord::reason))
          .allMatch(r -> r.equals("kill switch level 1: trade stop (level 1)"));
      assertThat(exec.orders()).isEmpty();
    }
    assertThat(run("trade", "status", "--journal", journal.toString()).out())
        .contains("kill switch: level 1 (until cleared)");
  }

  @Test
  void refusesDemoWithoutAKeyLiveWithoutTheConfigGate() {
    assumeTrue(System.getenv("OKX_API_KEY") == null, "OKX_API_KEY is set in this environment");
    Path journal = dir.resolve("trade.sqlite");
    String noEnv = dir.resolve("none.env").toString();

    Run demo = run("trade", "--mode", "demo", "--env-file", noEnv, "--journal", journal.toString());
    Run live = run("trade", "--mode", "live", "--env-file", noEnv, "--journal", journal.toString());
    Run bad = run("trade", "--mode", "real", "--journal", journal.toString());

    assertThat(demo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(demo.err())
        .contains(
            "OKX credentials: variable(s) missing or blank: OKX_API_KEY, OKX_API_SECRET,"
                + " OKX_API_PASSPHRASE")
        .contains("needs an OKX demo-trading API key");
    assertThat(live.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(live.err())
        .contains(
            "--mode live is refused: the configuration must say trade.mode: live (it says"
                + " paper)");
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--mode must be paper, demo or live, was 'real'");
    assertThat(journal).doesNotExist();
  }
}
