package org.smc4j.trading.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;

/**
 * A closed round trip. Money is in quote currency (USDT). Profit and loss follow STRATEGY.md
 * section 6: gross = {@code (exit - entry) * side * contracts * contractMultiplier}; net also
 * subtracts both fees and the funding paid; R multiples divide by the planned risk.
 *
 * @param intent the plan that opened it
 * @param entryTime the open time of the candle (5m, or 1m when resolved) on which the entry filled
 * @param entryPrice the entry fill price, slippage included
 * @param entryLiquidity maker for limit entries, taker for market entries
 * @param entryFee the entry fee, {@code >= 0}
 * @param entrySlippage the adverse price distance of the entry fill, {@code >= 0}
 * @param exitTime the open time of the candle on which the exit filled
 * @param exitPrice the exit fill price, slippage included
 * @param exitLiquidity maker for targets, taker otherwise
 * @param exitFee the exit fee, {@code >= 0}
 * @param exitSlippage the adverse price distance of the exit fill, {@code >= 0}
 * @param exitReason why it was closed
 * @param funding the funding paid while open: positive a cost, negative an income
 * @param fundingSettlements the number of settlements charged
 * @param ambiguous true when stop and target were both touched on one candle and the stop was
 *     assumed first
 * @param optimisticExit for an ambiguous trade, the target exit it may have had
 */
public record Trade(
    OrderIntent intent,
    Instant entryTime,
    double entryPrice,
    Liquidity entryLiquidity,
    double entryFee,
    double entrySlippage,
    Instant exitTime,
    double exitPrice,
    Liquidity exitLiquidity,
    double exitFee,
    double exitSlippage,
    ExitReason exitReason,
    double funding,
    int fundingSettlements,
    boolean ambiguous,
    Optional<AlternativeExit> optimisticExit) {

  /**
   * Validates the trade.
   *
   * @throws IllegalArgumentException when a price is not positive, an amount is not finite, a fee
   *     or slippage is negative, the exit precedes the entry, or an alternative exit is given for a
   *     trade that is not ambiguous
   */
  public Trade {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(entryTime, "entryTime");
    Objects.requireNonNull(entryLiquidity, "entryLiquidity");
    Objects.requireNonNull(exitTime, "exitTime");
    Objects.requireNonNull(exitLiquidity, "exitLiquidity");
    Objects.requireNonNull(exitReason, "exitReason");
    Objects.requireNonNull(optimisticExit, "optimisticExit");
    OrderIntent.checkPrice("entryPrice", entryPrice);
    OrderIntent.checkPrice("exitPrice", exitPrice);
    checkNonNegative("entryFee", entryFee);
    checkNonNegative("exitFee", exitFee);
    checkNonNegative("entrySlippage", entrySlippage);
    checkNonNegative("exitSlippage", exitSlippage);
    if (!Double.isFinite(funding)) {
      throw new IllegalArgumentException("funding must be finite, was " + funding);
    }
    if (fundingSettlements < 0) {
      throw new IllegalArgumentException(
          "fundingSettlements must be >= 0, was " + fundingSettlements);
    }
    if (exitTime.isBefore(entryTime)) {
      throw new IllegalArgumentException(
          "exitTime " + exitTime + " must not be before entryTime " + entryTime);
    }
    if (optimisticExit.isPresent() && !ambiguous) {
      throw new IllegalArgumentException("optimisticExit is only allowed for an ambiguous trade");
    }
  }

  private static void checkNonNegative(String name, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
    }
  }

  /** Returns the symbol traded. */
  public String symbol() {
    return intent.symbol();
  }

  /** Returns the side. */
  public Side side() {
    return intent.side();
  }

  /** Returns the base units held. */
  public double quantity() {
    return intent.quantity();
  }

  /** Returns the price P&amp;L before fees and funding. */
  public double grossPnl() {
    return (exitPrice - entryPrice) * intent.side().sign() * quantity();
  }

  /** Returns the entry plus exit fee. */
  public double fees() {
    return entryFee + exitFee;
  }

  /** Returns the P&amp;L after fees and funding. */
  public double netPnl() {
    return grossPnl() - fees() - funding;
  }

  /** Returns the gross P&amp;L in units of planned risk. */
  public double rGross() {
    return grossPnl() / intent.plannedRisk();
  }

  /** Returns the net P&amp;L in units of planned risk. */
  public double rNet() {
    return netPnl() / intent.plannedRisk();
  }

  /** Returns what slippage cost in quote currency (already inside the gross P&amp;L). */
  public double slippageCost() {
    return (entrySlippage + exitSlippage) * quantity();
  }

  /** Returns the net P&amp;L had the alternative (target) exit of an ambiguous trade happened. */
  public double optimisticNetPnl() {
    return optimisticExit
        .map(
            alt ->
                (alt.price() - entryPrice) * intent.side().sign() * quantity()
                    - entryFee
                    - alt.fee()
                    - funding)
        .orElse(netPnl());
  }

  /** Returns the gross P&amp;L of the optimistic outcome. */
  public double optimisticGrossPnl() {
    return optimisticExit
        .map(alt -> (alt.price() - entryPrice) * intent.side().sign() * quantity())
        .orElse(grossPnl());
  }

  /** Returns how long the position was held. */
  public Duration holding() {
    return Duration.between(entryTime, exitTime);
  }
}
