/**
 * The {@code scan} command's YAML configuration: {@link org.smc4j.cli.scan.config.ScanConfig} with
 * every default built in, {@link org.smc4j.cli.scan.config.ScanConfigLoader} that names the key
 * path of every problem, {@link org.smc4j.cli.scan.config.ConfigPrinter} for {@code
 * --print-config}, and {@link org.smc4j.cli.scan.config.Secrets}, the only place secrets are read
 * (environment or {@code .env}).
 */
package org.smc4j.cli.scan.config;
