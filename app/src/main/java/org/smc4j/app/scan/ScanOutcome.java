package org.smc4j.app.scan;

import java.util.Objects;

/**
 * How a {@link ScanJob} ended.
 *
 * @param status what happened
 * @param problems failed symbols of the last cycle plus deliveries still pending ({@link
 *     Status#PROBLEMS}); 0 otherwise
 * @param message one line for the console: the unreachable host with the error and the hint, or
 *     empty
 */
public record ScanOutcome(Status status, int problems, String message) {

  /** How a scan ended. */
  public enum Status {
    /** Every cycle ran and every delivery was made (or the loop was stopped). */
    OK,
    /** A symbol failed in the cycle or a delivery is still pending ({@code --once}). */
    PROBLEMS,
    /** OKX could not be reached at the start ({@code --once}; the loop keeps trying). */
    UNREACHABLE
  }

  /** Validates. */
  public ScanOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    if (problems < 0) {
      throw new IllegalArgumentException("problems must be >= 0, was " + problems);
    }
  }

  /** A scan that ended well. */
  static ScanOutcome ok() {
    return new ScanOutcome(Status.OK, 0, "");
  }
}
