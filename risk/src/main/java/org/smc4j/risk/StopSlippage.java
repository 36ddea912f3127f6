package org.smc4j.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far beyond the stop price a stop-out is expected to fill, either in ticks of the instrument
 * or as a price amount.
 *
 * @param amount the slippage, {@code >= 0}
 * @param unit whether {@code amount} counts ticks or price units
 */
public record StopSlippage(BigDecimal amount, Unit unit) {

  /** The unit of a {@link StopSlippage}. */
  public enum Unit {
    /** A number of the instrument's ticks. */
    TICKS,
    /** An amount in the instrument's price currency. */
    PRICE
  }

  /** One tick: the backtest default (STRATEGY.md section 9). */
  public static final StopSlippage ONE_TICK = ticks(BigDecimal.ONE);

  /**
   * Validates the slippage.
   *
   * @throws IllegalArgumentException when {@code amount} is negative
   */
  public StopSlippage {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(unit, "unit");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(
          "slippage amount must be >= 0, was " + amount.toPlainString());
    }
  }

  /**
   * Slippage measured in ticks.
   *
   * @param ticks the number of ticks, {@code >= 0}
   * @return the slippage
   */
  public static StopSlippage ticks(BigDecimal ticks) {
    return new StopSlippage(ticks, Unit.TICKS);
  }

  /**
   * Slippage measured in price units.
   *
   * @param price the price amount, {@code >= 0}
   * @return the slippage
   */
  public static StopSlippage price(BigDecimal price) {
    return new StopSlippage(price, Unit.PRICE);
  }

  /**
   * Returns the slippage as a price amount for an instrument with the given tick size.
   *
   * @param tickSize the instrument's tick size
   * @return {@code amount * tickSize} for ticks, else {@code amount}
   */
  public BigDecimal inPrice(BigDecimal tickSize) {
    Objects.requireNonNull(tickSize, "tickSize");
    return unit == Unit.TICKS ? amount.multiply(tickSize) : amount;
  }
}
