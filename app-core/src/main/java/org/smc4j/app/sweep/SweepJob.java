package org.smc4j.app.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.walkforward.WalkForwardScheme;

/**
 * A sweep spec file as read: where the candles are, the sweep, the heat map's axes and the
 * walk-forward scheme if the file has one.
 *
 * @param file the spec file, for messages
 * @param data the folder of 5m candle CSV files
 * @param funding the folder of funding-rate CSV files, if given
 * @param spec the sweep
 * @param heatMap the two parameters of the report's heat map (fewer when the grid has fewer)
 * @param walkForward the {@code walk-forward} section, if given
 */
public record SweepJob(
    Path file,
    Path data,
    Optional<Path> funding,
    SweepSpec spec,
    List<String> heatMap,
    Optional<WalkForwardScheme> walkForward) {

  public SweepJob {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(spec, "spec");
    heatMap = List.copyOf(heatMap);
    Objects.requireNonNull(walkForward, "walkForward");
  }
}
