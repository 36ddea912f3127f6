package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The leverage the bot set on an instrument, as read back from the exchange.
 *
 * @param instId the instrument
 * @param mgnMode the margin mode it applies to ({@code cross} or {@code isolated})
 * @param lever the leverage, {@code >= 1}
 * @param at when it was set
 */
public record LeverageRecord(String instId, String mgnMode, BigDecimal lever, Instant at) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when the leverage is below 1
   */
  public LeverageRecord {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(mgnMode, "mgnMode");
    Objects.requireNonNull(lever, "lever");
    Objects.requireNonNull(at, "at");
    if (lever.compareTo(BigDecimal.ONE) < 0) {
      throw new IllegalArgumentException(
          "lever of " + instId + " must be >= 1, was " + lever.toPlainString());
    }
  }
}
