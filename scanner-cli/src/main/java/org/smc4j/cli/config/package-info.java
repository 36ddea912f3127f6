/**
 * The one YAML configuration of {@code scan}, {@code backtest} and {@code detect}: {@link
 * org.smc4j.cli.config.Smc4jConfig} with every default built in, {@link
 * org.smc4j.cli.config.ConfigLoader} that finds the file ({@code --config}, else {@code
 * ./smc4j.yaml}) and names the file and key path of every problem, {@link
 * org.smc4j.cli.config.ConfigPrinter} for {@code --print-config}, {@link
 * org.smc4j.cli.config.StrategyOptions}, the strategy options that override the file, and {@link
 * org.smc4j.cli.config.Secrets}, the only place secrets are read (environment or {@code .env}).
 */
package org.smc4j.cli.config;
