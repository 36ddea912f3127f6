package org.smc4j.cli.trade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.smc4j.cli.ExitCodes;
import org.smc4j.trading.execution.ExecutionJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j trade stop}: trips the kill switch in the journal (a running bot applies it on its
 * next reconciliation; a restarted bot finds it still tripped), or clears it. Exit 0, 2 for a bad
 * level.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Trip the bot's kill switch, persisted in its journal until cleared with --clear:",
      "  level 1: no new entries; 2: also cancel our pending entries;"
          + " 3: also cancel our algos, close every position at market and verify flat."
    })
public final class TradeStopCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--journal",
      required = true,
      paramLabel = "FILE",
      description = "The bot's SQLite journal file.")
  Path journal;

  @Option(
      names = "--level",
      paramLabel = "N",
      defaultValue = "1",
      description = "1, 2 or 3 (default ${DEFAULT-VALUE}).")
  int level;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      defaultValue = "trade stop",
      description = "Why, journaled with the event.")
  String reason;

  @Option(names = "--clear", description = "Clear every active kill-switch event instead.")
  boolean clear;

  @Override
  public Integer call() {
    if (!clear && (level < 1 || level > 3)) {
      throw new ParameterException(spec.commandLine(), "--level must be 1, 2 or 3, was " + level);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (ExecutionJournal j = JournalFiles.openExisting(spec, journal)) {
      if (clear) {
        j.clearKillSwitch(Instant.now());
        out.println("kill switch cleared in " + journal);
      } else {
        j.tripKillSwitch(level, reason + " (level " + level + ")", Instant.now());
        out.println(
            "kill switch level "
                + level
                + " tripped in "
                + journal
                + "; a running bot applies it on its next reconciliation, and it stays tripped"
                + " across restarts until trade stop --clear");
      }
    }
    return ExitCodes.OK;
  }
}
