package org.smc4j.cli.scan.config;

import java.util.Objects;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.risk.SizingParameters;

/**
 * The whole {@code scan} configuration, as read by {@link ScanConfigLoader}: every key has a
 * built-in default, so an empty file (or none) gives {@link #DEFAULT}. Secrets are not part of it:
 * only the names of the environment variables that hold them.
 *
 * @param okx where OKX is and how requests are retried
 * @param scan which symbols and when
 * @param strategy every strategy parameter (STRATEGY.md)
 * @param risk the $1 sizing: risk, tolerance, fees, stop slippage, leverage
 * @param output the journal and the signals file
 * @param alerts Telegram and Discord
 * @param logging the log file and level
 */
public record ScanConfig(
    OkxConfig okx,
    LoopConfig scan,
    StrategyConfig strategy,
    SizingParameters risk,
    OutputConfig output,
    AlertsConfig alerts,
    LoggingConfig logging) {

  /** Every default. */
  public static final ScanConfig DEFAULT =
      new ScanConfig(
          OkxConfig.DEFAULT,
          LoopConfig.DEFAULT,
          StrategyConfig.DEFAULT,
          SizingParameters.DEFAULT,
          OutputConfig.DEFAULT,
          AlertsConfig.DEFAULT,
          LoggingConfig.DEFAULT);

  /** Validates that no section is null. */
  public ScanConfig {
    Objects.requireNonNull(okx, "okx");
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(logging, "logging");
  }

  /** Returns a copy with another {@code okx} section. */
  public ScanConfig withOkx(OkxConfig value) {
    return new ScanConfig(value, scan, strategy, risk, output, alerts, logging);
  }

  /** Returns a copy with another {@code scan} section. */
  public ScanConfig withScan(LoopConfig value) {
    return new ScanConfig(okx, value, strategy, risk, output, alerts, logging);
  }

  /** Returns a copy with another {@code output} section. */
  public ScanConfig withOutput(OutputConfig value) {
    return new ScanConfig(okx, scan, strategy, risk, value, alerts, logging);
  }
}
