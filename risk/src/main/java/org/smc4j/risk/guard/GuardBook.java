package org.smc4j.risk.guard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link PortfolioGuard} holds: its open positions and the current trading day's realised
 * P&amp;L and losing trades. A bot saves it with its broker state and {@linkplain
 * PortfolioGuard#restore restores} it after a restart, so its guards decide as if it never stopped.
 *
 * @param open the open positions, in the order they were opened
 * @param day the current trading day
 * @param dayPnl the day's net realised P&amp;L in dollars
 * @param dayLosers the day's losing trades, {@code >= 0}
 */
public record GuardBook(List<OpenPosition> open, LocalDate day, BigDecimal dayPnl, int dayLosers) {

  /**
   * Validates the book and copies the list.
   *
   * @throws IllegalArgumentException when the losing-trade count is negative or a symbol is open
   *     twice
   */
  public GuardBook {
    open = List.copyOf(Objects.requireNonNull(open, "open"));
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(dayPnl, "dayPnl");
    if (dayLosers < 0) {
      throw new IllegalArgumentException("dayLosers must be >= 0, was " + dayLosers);
    }
    long symbols = open.stream().map(p -> p.proposal().symbol()).distinct().count();
    if (symbols != open.size()) {
      throw new IllegalArgumentException(
          "one position per symbol: the book lists "
              + open.stream().map(p -> p.proposal().symbol()).toList());
    }
  }
}
