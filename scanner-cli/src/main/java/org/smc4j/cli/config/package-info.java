/**
 * The {@code scan} command's YAML configuration: {@link org.smc4j.cli.config.Smc4jConfig} with
 * every default built in, {@link org.smc4j.cli.config.ConfigLoader} that names the key path of
 * every problem, {@link org.smc4j.cli.config.ConfigPrinter} for {@code --print-config}, and {@link
 * org.smc4j.cli.config.Secrets}, the only place secrets are read (environment or {@code .env}).
 */
package org.smc4j.cli.config;
