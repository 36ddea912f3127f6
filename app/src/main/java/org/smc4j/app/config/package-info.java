/**
 * The one YAML configuration of {@code scan}, {@code backtest} and {@code detect}: {@link
 * org.smc4j.app.config.Smc4jConfig} with every default built in, {@link
 * org.smc4j.app.config.ConfigLoader} that finds the file ({@code --config}, else {@code
 * ./smc4j.yaml}) and names the file and key path of every problem, {@link
 * org.smc4j.app.config.ConfigPrinter} for {@code --print-config}, and {@link
 * org.smc4j.app.config.Secrets}, the only place secrets are read (environment or {@code .env}).
 */
package org.smc4j.app.config;
