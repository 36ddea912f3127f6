package org.smc4j.live.alert;

import java.util.Objects;

/**
 * What became of one alert at one sink.
 *
 * @param sink the sink's {@link AlertSink#name()}
 * @param status delivered, failed or dropped
 * @param detail why it failed or was dropped (redacted by the sink); empty when delivered
 */
public record SinkOutcome(String sink, Status status, String detail) {

  /** The fate of an alert at a sink. */
  public enum Status {
    /** The sink delivered the alert. */
    DELIVERED,
    /** The sink tried and gave up ({@link AlertSink#send} threw). */
    FAILED,
    /** The alert never reached the sink: its queue was full or the dispatcher was closed. */
    DROPPED
  }

  /** Validates the outcome. */
  public SinkOutcome {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    if (status == Status.DELIVERED && !detail.isEmpty()) {
      throw new IllegalArgumentException("a DELIVERED outcome has no detail, was '" + detail + "'");
    }
    if (status != Status.DELIVERED && detail.isBlank()) {
      throw new IllegalArgumentException(
          "a " + status + " outcome needs a detail (sink " + sink + ")");
    }
  }

  /**
   * Whether the sink delivered the alert.
   *
   * @return {@code status == DELIVERED}
   */
  public boolean delivered() {
    return status == Status.DELIVERED;
  }
}
