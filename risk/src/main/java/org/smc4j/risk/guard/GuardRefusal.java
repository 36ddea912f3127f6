package org.smc4j.risk.guard;

import java.util.Objects;

/**
 * One failed guard.
 *
 * @param guard which rule failed
 * @param message a sentence with the numbers, e.g. "3 positions are open, the limit is 3"
 */
public record GuardRefusal(Guard guard, String message) {

  /**
   * Validates the refusal.
   *
   * @throws IllegalArgumentException when the message is blank
   */
  public GuardRefusal {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
  }
}
