package org.smc4j.cli.trade;

import java.nio.file.Files;
import java.nio.file.Path;
import org.smc4j.trading.execution.ExecutionJournal;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Opens an existing execution journal for a trade subcommand (never creates one). */
final class JournalFiles {

  private JournalFiles() {}

  static ExecutionJournal openExisting(CommandSpec spec, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(
          spec.commandLine(),
          "--journal " + file + " does not exist; pass the journal file the bot writes");
    }
    if (!ExecutionJournal.isExecutionJournal(file)) {
      throw new ParameterException(
          spec.commandLine(),
          "--journal "
              + file
              + " is not a trade journal (no execution tables); pass the journal file the bot"
              + " writes");
    }
    return ExecutionJournal.open(file);
  }
}
