package org.smc4j.app.config;

import java.util.Objects;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.live.scan.LoopConfig;

/**
 * The whole smc4j configuration, one file for {@code scan}, {@code backtest} and {@code detect}, as
 * read by {@link ConfigLoader}: every key has a built-in default, so an empty file (or none) gives
 * {@link #DEFAULT}. Each command uses the sections it needs, but the whole file is always checked.
 * Secrets are not part of it: only the names of the environment variables that hold them.
 *
 * @param okx where OKX is and how requests are retried (scan)
 * @param scan which symbols and when (scan)
 * @param strategy every strategy parameter, STRATEGY.md (scan, backtest, detect)
 * @param risk the $1 sizing and the portfolio guards (scan sizes with it, backtest also guards)
 * @param backtest the simulated broker's models and whether guards apply (backtest)
 * @param output the journal and the signals file (scan)
 * @param alerts Telegram and Discord (scan)
 * @param logging the log file and level (scan)
 * @param trade the trade mode the file allows and how the OKX bot runs (trade)
 */
public record Smc4jConfig(
    OkxConfig okx,
    LoopConfig scan,
    StrategyConfig strategy,
    RiskConfig risk,
    BacktestConfig backtest,
    OutputConfig output,
    AlertsConfig alerts,
    LoggingConfig logging,
    TradeConfig trade) {

  /** Every default. */
  public static final Smc4jConfig DEFAULT =
      new Smc4jConfig(
          OkxConfig.DEFAULT,
          LoopConfig.DEFAULT,
          StrategyConfig.DEFAULT,
          RiskConfig.DEFAULT,
          BacktestConfig.DEFAULT,
          OutputConfig.DEFAULT,
          AlertsConfig.DEFAULT,
          LoggingConfig.DEFAULT,
          TradeConfig.DEFAULT);

  /** Validates that no section is null. */
  public Smc4jConfig {
    Objects.requireNonNull(okx, "okx");
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(backtest, "backtest");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(trade, "trade");
  }

  /** Returns a copy with another {@code okx} section. */
  public Smc4jConfig withOkx(OkxConfig value) {
    return new Smc4jConfig(value, scan, strategy, risk, backtest, output, alerts, logging, trade);
  }

  /** Returns a copy with another {@code scan} section. */
  public Smc4jConfig withScan(LoopConfig value) {
    return new Smc4jConfig(okx, value, strategy, risk, backtest, output, alerts, logging, trade);
  }

  /** Returns a copy with another {@code strategy} section. */
  public Smc4jConfig withStrategy(StrategyConfig value) {
    return new Smc4jConfig(okx, scan, value, risk, backtest, output, alerts, logging, trade);
  }

  /** Returns a copy with another {@code backtest} section. */
  public Smc4jConfig withBacktest(BacktestConfig value) {
    return new Smc4jConfig(okx, scan, strategy, risk, value, output, alerts, logging, trade);
  }

  /** Returns a copy with another {@code output} section. */
  public Smc4jConfig withOutput(OutputConfig value) {
    return new Smc4jConfig(okx, scan, strategy, risk, backtest, value, alerts, logging, trade);
  }

  /** Returns a copy with another {@code trade} section. */
  public Smc4jConfig withTrade(TradeConfig value) {
    return new Smc4jConfig(okx, scan, strategy, risk, backtest, output, alerts, logging, value);
  }

  /** Returns a copy with another {@code logging} section. */
  public Smc4jConfig withLogging(LoggingConfig value) {
    return new Smc4jConfig(okx, scan, strategy, risk, backtest, output, alerts, value, trade);
  }
}
