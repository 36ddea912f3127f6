package org.smc4j.trading.execution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One trip of the kill switch, kept until a human clears it (OKX-TRADING.md section 15.13).
 *
 * @param level 1 no new entries, 2 also cancel pending entries, 3 also flatten and verify flat
 * @param reason why it tripped
 * @param at when
 * @param clearedAt when a human cleared it; empty while active
 */
public record KillSwitchEvent(int level, String reason, Instant at, Optional<Instant> clearedAt) {

  /**
   * Validates the event.
   *
   * @throws IllegalArgumentException when the level is not 1, 2 or 3
   */
  public KillSwitchEvent {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(clearedAt, "clearedAt");
    if (level < 1 || level > 3) {
      throw new IllegalArgumentException("kill switch level must be 1, 2 or 3, was " + level);
    }
  }
}
