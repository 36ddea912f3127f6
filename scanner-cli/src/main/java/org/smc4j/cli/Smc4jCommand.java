package org.smc4j.cli;

import org.smc4j.cli.backtest.BacktestCommand;
import org.smc4j.cli.data.DataCommand;
import org.smc4j.cli.detect.DetectCommand;
import org.smc4j.cli.scan.ScanCommand;
import org.smc4j.cli.sweep.SweepCommand;
import org.smc4j.cli.sweep.WalkForwardCommand;
import org.smc4j.cli.trade.TradeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code smc4j} command; every feature is a subcommand. */
@Command(
    name = "smc4j",
    mixinStandardHelpOptions = true,
    version = "smc4j 0.1.0",
    description =
        "Smart Money Concepts scanner and backtester: 15m BOS + FVG/Fibonacci POI + 5m entry, $1 risk.",
    subcommands = {
      ScanCommand.class,
      BacktestCommand.class,
      DetectCommand.class,
      DownloadCommand.class,
      DataCommand.class,
      SizeCommand.class,
      SweepCommand.class,
      WalkForwardCommand.class,
      TradeCommand.class
    })
public final class Smc4jCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (see --help)");
  }
}
