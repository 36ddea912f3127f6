package org.smc4j.risk.guard;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link PortfolioGuard#check}: approved, or rejected by one or more guards. */
public sealed interface GuardDecision permits GuardDecision.Approved, GuardDecision.Rejected {

  /** Returns true when every guard passed. */
  default boolean approved() {
    return this instanceof Approved;
  }

  /** Every guard passed. */
  record Approved() implements GuardDecision {}

  /**
   * At least one guard failed.
   *
   * @param refusals every failed guard, in {@link Guard} order; never empty
   */
  record Rejected(List<GuardRefusal> refusals) implements GuardDecision {

    /**
     * Validates and copies the refusals.
     *
     * @throws IllegalArgumentException when {@code refusals} is empty
     */
    public Rejected {
      refusals = List.copyOf(Objects.requireNonNull(refusals, "refusals"));
      if (refusals.isEmpty()) {
        throw new IllegalArgumentException("refusals must not be empty");
      }
    }
  }
}
