package org.smc4j.cli.trade;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.smc4j.cli.ExitCodes;
import org.smc4j.trading.execution.DailyLoss;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.KillSwitchEvent;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradingEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j trade status}: open trades, working orders, today's realised and committed loss and
 * the kill-switch state, read from the execution journal. Exit 0.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Print open trades, working orders, today's (UTC) realised and committed loss and the"
            + " kill-switch state from the bot's execution journal.")
public final class TradeStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--journal",
      required = true,
      paramLabel = "FILE",
      description = "The bot's SQLite journal file.")
  Path journal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ExecutionJournal j = JournalFiles.openExisting(spec, journal)) {
      out.println(
          "journal "
              + journal
              + " ("
              + j.environment().map(TradingEnvironment::wire).orElse("no environment yet")
              + ")");
      List<KillSwitchEvent> active =
          j.killSwitchEvents().stream().filter(e -> e.clearedAt().isEmpty()).toList();
      if (active.isEmpty()) {
        out.println("kill switch: not tripped");
      } else {
        out.println("kill switch: level " + j.killSwitchLevel() + " (until cleared)");
        for (KillSwitchEvent event : active) {
          out.println("  level " + event.level() + " at " + event.at() + ": " + event.reason());
        }
      }
      LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
      DailyLoss day = j.dailyLoss(today);
      out.println(
          "today "
              + today
              + " (UTC): realised "
              + money(day.realised())
              + ", open risk "
              + money(day.openRisk())
              + ", committed "
              + money(day.committed())
              + ", open trades "
              + day.openTrades());
      List<TradeRecord> open = j.openTrades();
      out.println("open trades: " + (open.isEmpty() ? "none" : open.size()));
      for (TradeRecord t : open) {
        out.println(
            "  "
                + t.instId()
                + " "
                + t.side()
                + " "
                + t.status()
                + " filled "
                + t.filledSz().toPlainString()
                + "/"
                + t.contracts().toPlainString()
                + t.entryPx().map(px -> " @ " + px.toPlainString()).orElse("")
                + " stop "
                + t.stop().toPlainString()
                + " target "
                + t.target().toPlainString()
                + " ["
                + t.tradeKey()
                + "]");
      }
      List<OrderRecord> working =
          j.orders().stream().filter(o -> !o.status().isTerminal()).toList();
      out.println("working orders: " + (working.isEmpty() ? "none" : working.size()));
      for (OrderRecord o : working) {
        out.println(
            "  "
                + o.clOrdId()
                + " "
                + o.instId()
                + " "
                + o.side()
                + " "
                + o.ordType()
                + " "
                + o.sz().toPlainString()
                + o.px().map(px -> " @ " + px.toPlainString()).orElse("")
                + " "
                + o.status());
      }
    }
    return ExitCodes.OK;
  }

  private static String money(BigDecimal value) {
    return value.setScale(4, RoundingMode.HALF_EVEN).toPlainString() + " USDT";
  }
}
