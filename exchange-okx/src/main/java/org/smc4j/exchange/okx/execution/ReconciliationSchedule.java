package org.smc4j.exchange.okx.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the periodic reconciliation runs (OKX-TRADING.md section 15.11).
 *
 * @param unsettled while an order's fate is unknown, a trade is unprotected or an entry is working
 * @param positionsOpen while positions are open and protected
 * @param idle while nothing is open
 * @param ledger how often fills and funding bills are imported (they also are whenever a trade
 *     closes); bills allow 5 requests per second, fills 60 per 2 s, so this is about freshness of
 *     the daily loss, not about limits
 */
public record ReconciliationSchedule(
    Duration unsettled, Duration positionsOpen, Duration idle, Duration ledger) {

  /**
   * The document's cadence: 5 s while an order is unknown or a trade unprotected, 15 s while
   * positions are open, 60 s idle; fills and bills every 60 s. A working entry counts as unsettled:
   * a resting limit entry that fills while nobody looks has no stop until a cycle sees it, and the
   * unprotected deadline is 10 s.
   */
  public static final ReconciliationSchedule DEFAULT =
      new ReconciliationSchedule(
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60));

  /**
   * Validates the schedule.
   *
   * @throws IllegalArgumentException naming the interval that is not positive
   */
  public ReconciliationSchedule {
    positive("unsettled", unsettled);
    positive("positionsOpen", positionsOpen);
    positive("idle", idle);
    positive("ledger", ledger);
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
