package org.smc4j.live.alert;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one alert at every sink of an {@link AlertDispatcher}, in the dispatcher's sink
 * order. Known when the last sink has finished with the alert (at once for a synchronous
 * dispatcher; when the future completes for an asynchronous one).
 *
 * @param symbol the alert's symbol
 * @param outcomes one outcome per sink
 */
public record DispatchReport(String symbol, List<SinkOutcome> outcomes) {

  /** Validates and copies. */
  public DispatchReport {
    Objects.requireNonNull(symbol, "symbol");
    outcomes = List.copyOf(outcomes);
  }

  /**
   * Whether every sink delivered the alert (also {@code true} with no sink at all).
   *
   * @return {@code true} when no outcome is a failure or a drop
   */
  public boolean allDelivered() {
    return outcomes.stream().allMatch(SinkOutcome::delivered);
  }

  /**
   * The outcomes that are not deliveries.
   *
   * @return failed and dropped outcomes, in sink order
   */
  public List<SinkOutcome> failures() {
    return outcomes.stream().filter(o -> !o.delivered()).toList();
  }
}
