package org.smc4j.trading.order;

import java.util.Objects;
import java.util.Optional;

/**
 * The broker's answer to a submitted plan: accepted, or rejected with the reason.
 *
 * @param intent the submitted plan
 * @param rejection why it was rejected; empty when accepted
 */
public record Submission(OrderIntent intent, Optional<String> rejection) {

  /** Validates that no component is null and a rejection reason is not blank. */
  public Submission {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(rejection, "rejection");
    if (rejection.isPresent() && rejection.get().isBlank()) {
      throw new IllegalArgumentException("rejection must not be blank when present");
    }
  }

  /** Returns true when the broker took the plan. */
  public boolean accepted() {
    return rejection.isEmpty();
  }
}
