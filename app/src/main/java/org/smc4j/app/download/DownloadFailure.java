package org.smc4j.app.download;

import java.util.Objects;
import org.smc4j.core.bar.Timeframe;

/**
 * An instrument whose download failed; the others still ran. What was written before the failure
 * stays valid, and running again resumes after it.
 *
 * @param instId the instrument
 * @param timeframe the candle period
 * @param message why, naming the file or the request
 */
public record DownloadFailure(String instId, Timeframe timeframe, String message) {

  /** Checks for nulls. */
  public DownloadFailure {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(message, "message");
  }
}
