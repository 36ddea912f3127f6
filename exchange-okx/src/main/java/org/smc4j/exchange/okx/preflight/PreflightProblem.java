package org.smc4j.exchange.okx.preflight;

import java.util.Objects;

/**
 * One finding of the pre-flight.
 *
 * @param kind what it is about
 * @param refusing true when the bot must not start, false for a warning
 * @param message what was found and what to do, naming the values (never a credential)
 */
public record PreflightProblem(ProblemKind kind, boolean refusing, String message) {

  /** Validates the record. */
  public PreflightProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
