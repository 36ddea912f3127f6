package org.smc4j.app.download;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.Timeframe;

/**
 * What {@link DownloadJob} downloads.
 *
 * @param instIds the OKX instruments, e.g. {@code BTC-USDT-SWAP}, in download order
 * @param timeframe the candle period (one OKX offers, see {@link DownloadJob#timeframe})
 * @param from the first open time
 * @param to the end (exclusive) of the open times
 * @param out the output folder (created when missing)
 */
public record DownloadRequest(
    List<String> instIds, Timeframe timeframe, Instant from, Instant to, Path out) {

  /**
   * Validates and copies the request.
   *
   * @throws IllegalArgumentException naming the option when there is no instrument, an empty one,
   *     or {@code from} is not before {@code to}
   */
  public DownloadRequest {
    instIds = List.copyOf(instIds);
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(out, "out");
    if (instIds.isEmpty()) {
      throw new IllegalArgumentException("--symbols must name at least one instrument");
    }
    if (instIds.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("--symbols has an empty entry");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
    }
  }
}
