package org.smc4j.cli.trade;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smc4j trade}: the bot's journal commands. */
@Command(
    name = "trade",
    mixinStandardHelpOptions = true,
    description = "Inspect and stop the trading bot through its execution journal.",
    subcommands = {TradeStatusCommand.class, TradeStopCommand.class})
public final class TradeCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a trade subcommand is required: status or stop (see --help)");
  }
}
