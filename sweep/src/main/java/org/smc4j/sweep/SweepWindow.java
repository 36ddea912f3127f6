package org.smc4j.sweep;

import java.time.Instant;
import java.util.Objects;

/**
 * A period a sweep backtests on its own, as {@code smc4j backtest --from FROM --to TO} would: the
 * candles opening in {@code [from, to)}, the strategy warming up from {@code from}.
 *
 * @param index the window's number in its spec, from 0
 * @param from the first candle open time
 * @param to the end (exclusive) of candle open times, after {@code from}
 */
public record SweepWindow(int index, Instant from, Instant to) {

  /**
   * Validates the window.
   *
   * @throws IllegalArgumentException when the index is negative or {@code to} is not after {@code
   *     from}
   */
  public SweepWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (index < 0) {
      throw new IllegalArgumentException("window index must be >= 0, was " + index);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "window " + index + ": to " + to + " must be after from " + from);
    }
  }
}
