package org.smc4j.cli.data;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smc4j data}: check and resample candle CSV files. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Check and resample candle CSV files (Binance kline, Bybit, smc4j canonical).",
    subcommands = {DataCheckCommand.class, DataResampleCommand.class})
public final class DataCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Creates the command (picocli). */
  public DataCommand() {}

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a data command is required: check or resample (see --help)");
  }
}
