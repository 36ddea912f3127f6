package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import org.smc4j.core.signal.Side;

/**
 * Chooses the leverage of an instrument so that its liquidation price lies beyond the trade's stop
 * with room to spare (issue 11, item 3). OKX-TRADING.md gives no formula or margin for this, so the
 * estimate is the isolated-margin one, which is the conservative bound: with cross margin the rest
 * of the account's equity only pushes the liquidation price further away.
 *
 * <p>For a long entered at {@code E} with leverage {@code L} and maintenance margin rate {@code m},
 * the liquidation price is about {@code E * (1 - 1/L + m)} (a short mirrors it). With the stop at a
 * relative distance {@code d = |E - stop| / E}, the liquidation must lie at least {@code
 * liquidationBuffer * d} from the entry, so {@code 1/L - m >= liquidationBuffer * d}, i.e. {@code L
 * <= 1 / (liquidationBuffer * d + m)}. The result is rounded down to a whole number and capped by
 * {@code maxLeverage}; it is never below 1.
 *
 * @param maxLeverage the highest leverage ever set, {@code >= 1}
 * @param maintenanceMarginRate OKX's maintenance margin rate of the first position tier (0.4 % for
 *     BTC-USDT-SWAP, higher for small coins: take the highest of the traded instruments), {@code >=
 *     0} and {@code < 1}
 * @param liquidationBuffer how many stop distances the liquidation lies beyond the entry, {@code >=
 *     1}
 */
public record LeveragePolicy(
    BigDecimal maxLeverage, BigDecimal maintenanceMarginRate, BigDecimal liquidationBuffer) {

  /**
   * At most 10x, a 1 % maintenance margin rate, the liquidation at least two stop distances off.
   */
  public static final LeveragePolicy DEFAULT =
      new LeveragePolicy(BigDecimal.TEN, new BigDecimal("0.01"), new BigDecimal("2"));

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException naming the value that is out of range
   */
  public LeveragePolicy {
    Objects.requireNonNull(maxLeverage, "maxLeverage");
    Objects.requireNonNull(maintenanceMarginRate, "maintenanceMarginRate");
    Objects.requireNonNull(liquidationBuffer, "liquidationBuffer");
    if (maxLeverage.compareTo(BigDecimal.ONE) < 0) {
      throw new IllegalArgumentException(
          "maxLeverage must be >= 1, was " + maxLeverage.toPlainString());
    }
    if (maintenanceMarginRate.signum() < 0
        || maintenanceMarginRate.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "maintenanceMarginRate must be in [0, 1), was " + maintenanceMarginRate.toPlainString());
    }
    if (liquidationBuffer.compareTo(BigDecimal.ONE) < 0) {
      throw new IllegalArgumentException(
          "liquidationBuffer must be >= 1, was " + liquidationBuffer.toPlainString());
    }
  }

  /**
   * Returns the leverage for an entry and its stop.
   *
   * @param entry the planned entry price, {@code > 0}
   * @param stop the stop price, {@code > 0} and not equal to the entry
   * @return a whole leverage in {@code [1, maxLeverage]}
   * @throws IllegalArgumentException when a price is not positive or the stop equals the entry
   */
  public BigDecimal leverageFor(BigDecimal entry, BigDecimal stop) {
    BigDecimal distance = stopDistance(entry, stop);
    BigDecimal needed = liquidationBuffer.multiply(distance).add(maintenanceMarginRate);
    BigDecimal lever =
        needed.signum() == 0
            ? maxLeverage
            : BigDecimal.ONE.divide(needed, MathContext.DECIMAL64).setScale(0, RoundingMode.FLOOR);
    return lever.max(BigDecimal.ONE).min(maxLeverage.setScale(0, RoundingMode.FLOOR));
  }

  /**
   * Returns the estimated (isolated-margin) liquidation price of a position.
   *
   * @param side the position's side
   * @param entry the entry price
   * @param lever the leverage
   * @return the price, never below zero
   */
  public BigDecimal liquidationEstimate(Side side, BigDecimal entry, BigDecimal lever) {
    BigDecimal move =
        BigDecimal.ONE
            .divide(lever, MathContext.DECIMAL64)
            .subtract(maintenanceMarginRate)
            .max(BigDecimal.ZERO);
    BigDecimal factor =
        side == Side.LONG ? BigDecimal.ONE.subtract(move) : BigDecimal.ONE.add(move);
    return entry.multiply(factor).max(BigDecimal.ZERO).stripTrailingZeros();
  }

  /**
   * Returns {@code |entry - stop| / entry}.
   *
   * @param entry the entry price
   * @param stop the stop price
   * @return the relative distance
   * @throws IllegalArgumentException when a price is not positive or the stop equals the entry
   */
  public static BigDecimal stopDistance(BigDecimal entry, BigDecimal stop) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(stop, "stop");
    if (entry.signum() <= 0 || stop.signum() <= 0) {
      throw new IllegalArgumentException(
          "entry and stop must be > 0, were "
              + entry.toPlainString()
              + " and "
              + stop.toPlainString());
    }
    if (entry.compareTo(stop) == 0) {
      throw new IllegalArgumentException("stop must differ from entry " + entry.toPlainString());
    }
    return entry.subtract(stop).abs().divide(entry, MathContext.DECIMAL64);
  }
}
