package org.smc4j.app.backtest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.app.config.Smc4jConfig;

/**
 * What {@link BacktestJob} runs.
 *
 * @param data 5m candle files or folders
 * @param symbols only these symbols (upper-cased); empty for all found
 * @param from the first candle open time
 * @param to the end (exclusive) of candle open times
 * @param config the effective configuration (file and options applied)
 * @param configFile the configuration file read, for the output; empty for the built-in defaults
 * @param oneMinute 1m candle files or folders that resolve stop and target inside one 5m candle
 * @param funding funding-rate history files or folders; empty for the constant rate
 * @param specs a contract spec file (OKX instruments JSON or spec CSV); empty to infer the specs
 * @param out the output folder
 * @param threads symbols replayed at once
 * @param lenient drop invalid rows and accept gaps instead of stopping at the first
 * @param description the run's description in the journal, e.g. the command line
 */
public record BacktestRequest(
    List<Path> data,
    List<String> symbols,
    Optional<Instant> from,
    Optional<Instant> to,
    Smc4jConfig config,
    Optional<Path> configFile,
    List<Path> oneMinute,
    List<Path> funding,
    Optional<Path> specs,
    Path out,
    int threads,
    boolean lenient,
    String description) {

  /**
   * Validates and copies the request.
   *
   * @throws IllegalArgumentException naming the option when there is no data, the period is empty
   *     or {@code threads < 1}
   */
  public BacktestRequest {
    data = List.copyOf(data);
    symbols = List.copyOf(symbols);
    oneMinute = List.copyOf(oneMinute);
    funding = List.copyOf(funding);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(specs, "specs");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(description, "description");
    if (data.isEmpty()) {
      throw new IllegalArgumentException("--data must name at least one file or folder");
    }
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw new IllegalArgumentException(
          "--to " + to.get() + " must be after --from " + from.get());
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
  }
}
