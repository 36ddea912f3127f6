package org.smc4j.app.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.engine.StrategyConfig;

/**
 * What {@link DetectJob} runs.
 *
 * @param inputs 5m candle files or folders
 * @param context 15m candle files or folders matched to the 5m ones by symbol; empty to derive the
 *     15m candles from the 5m ones
 * @param out the output folder; one subfolder per symbol
 * @param config the strategy parameters
 * @param tickSize the instruments' price increment; empty to infer it from each symbol's prices
 * @param strict fail a symbol on its first invalid row or gap instead of dropping and reporting it
 */
public record DetectRequest(
    List<Path> inputs,
    Optional<List<Path>> context,
    Path out,
    StrategyConfig config,
    OptionalDouble tickSize,
    boolean strict) {

  /**
   * Validates and copies the request.
   *
   * @throws IllegalArgumentException when there is no input or the tick size is not positive
   */
  public DetectRequest {
    inputs = List.copyOf(inputs);
    context = context.map(List::copyOf);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(tickSize, "tickSize");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("inputs must name at least one file or folder, was empty");
    }
    if (tickSize.isPresent()
        && !(tickSize.getAsDouble() > 0 && Double.isFinite(tickSize.getAsDouble()))) {
      throw new IllegalArgumentException(
          "--tick-size must be > 0 and finite, was " + tickSize.getAsDouble());
    }
  }
}
