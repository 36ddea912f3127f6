package org.smc4j.trading.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * A reconciliation mismatch seen in the latest complete cycle, kept in the journal so that "a
 * mismatch lasting two cycles trips kill switch level 1" holds across a restart (the startup
 * reconciliation is the first cycle after it).
 *
 * @param key what identifies the mismatch from one cycle to the next (kind and instrument)
 * @param instId the instrument
 * @param detail the values on both sides when first seen
 * @param firstSeen the cycle that first saw it
 * @param handled true once its lasting was journaled (and level 1 tripped or already active)
 */
public record OpenMismatch(
    String key, String instId, String detail, Instant firstSeen, boolean handled) {

  /**
   * Validates the mismatch.
   *
   * @throws NullPointerException when a component is null
   * @throws IllegalArgumentException when the key is blank
   */
  public OpenMismatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(firstSeen, "firstSeen");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
  }

  /** Returns the same mismatch marked handled. */
  public OpenMismatch withHandled() {
    return new OpenMismatch(key, instId, detail, firstSeen, true);
  }
}
