package org.smc4j.cli.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.app.detect.DetectRequest;
import org.smc4j.core.engine.StrategyConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options of {@code detect} other than the strategy parameters: the candle files, the output
 * folder, the configuration file and how strictly the files are read (a picocli mixin).
 */
public final class DetectOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE|DIR",
      description = "5m candle CSV files (any supported format), or directories to walk.")
  List<Path> inputs;

  @Option(
      names = "--context",
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description =
          "15m candle CSV files or directories, matched to the 5m files by symbol (default: derive"
              + " 15m from 5m).")
  List<Path> context;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder; one subfolder per symbol, existing files replaced (required).")
  Path out;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration; its strategy section sets the parameters (default: smc4j.yaml when"
              + " present, else built-in defaults).")
  Path configFile;

  @Option(
      names = "--print-config",
      description = "Print the effective configuration (file + options) and exit.")
  boolean printConfig;

  @Option(
      names = "--tick-size",
      paramLabel = "X",
      description =
          "Price increment of the instrument(s) (default: 10^-d, d = the most decimals of any price"
              + " in the series; give the venue's tick when it is not a power of ten).")
  Double tickSize;

  @Option(
      names = "--strict",
      description =
          "Fail a symbol on the first invalid row or gap instead of dropping/reporting it.")
  boolean strict;

  /** Creates the options (picocli). */
  public DetectOptions() {}

  /**
   * Returns the request for {@link org.smc4j.app.detect.DetectJob}.
   *
   * @param config the strategy parameters (file and options applied)
   * @return the request
   * @throws ParameterException when no candle file or no {@code --out} is given
   */
  DetectRequest request(StrategyConfig config) {
    if (inputs == null || inputs.isEmpty()) {
      throw new ParameterException(
          command.commandLine(), "Missing required parameter: 'FILE|DIR' (5m candle files)");
    }
    if (out == null) {
      throw new ParameterException(command.commandLine(), "Missing required option: '--out=DIR'");
    }
    return new DetectRequest(
        inputs,
        Optional.ofNullable(context),
        out,
        config,
        tickSize == null ? OptionalDouble.empty() : OptionalDouble.of(tickSize),
        strict);
  }
}
