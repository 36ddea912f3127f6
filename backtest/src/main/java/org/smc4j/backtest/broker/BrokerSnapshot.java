package org.smc4j.backtest.broker;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.trading.order.OrderIntent;

/**
 * What a {@link SimulatedBroker} holds between two candles: its pending entry and its open
 * position, each optional (one position per symbol: never both). A paper bot saves it after each
 * cycle and {@linkplain SimulatedBroker#restore restores} it after a restart, so the restarted
 * broker goes on exactly where the saved one stood (the slippage model's ATR is not part of it: it
 * is rebuilt from the warm-up candles fed before the restore).
 *
 * @param pending the entry waiting to fill, if any
 * @param position the open position, if any
 */
public record BrokerSnapshot(Optional<OrderIntent> pending, Optional<Holding> position) {

  /** A broker with nothing pending and nothing open. */
  public static final BrokerSnapshot FLAT = new BrokerSnapshot(Optional.empty(), Optional.empty());

  /**
   * Validates the snapshot.
   *
   * @throws IllegalArgumentException when both an entry is pending and a position is open
   */
  public BrokerSnapshot {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(position, "position");
    if (pending.isPresent() && position.isPresent()) {
      throw new IllegalArgumentException(
          "a broker holds a pending entry or a position, never both: pending plan "
              + pending.get().intentId()
              + ", position of plan "
              + position.get().intent().intentId());
    }
  }

  /** Tells whether nothing is pending and nothing open. */
  public boolean flat() {
    return pending.isEmpty() && position.isEmpty();
  }

  /**
   * An open position with what its trade will report when it closes.
   *
   * @param intent the plan it came from
   * @param entryTime when the entry filled
   * @param entryPrice the entry fill price
   * @param entryLiquidity maker or taker
   * @param entryFee the entry fee in dollars, {@code >= 0}
   * @param entrySlippage the entry's slippage in price units, {@code >= 0}
   * @param funding the funding paid so far (negative when received)
   * @param settlements the funding settlements charged so far, {@code >= 0}
   * @param nextSettlement the next funding settlement to charge
   */
  public record Holding(
      OrderIntent intent,
      Instant entryTime,
      double entryPrice,
      Liquidity entryLiquidity,
      double entryFee,
      double entrySlippage,
      double funding,
      int settlements,
      Instant nextSettlement) {

    /**
     * Validates the position.
     *
     * @throws IllegalArgumentException when a price or amount is not finite, the entry price is not
     *     positive, a fee, slippage or settlement count is negative
     */
    public Holding {
      Objects.requireNonNull(intent, "intent");
      Objects.requireNonNull(entryTime, "entryTime");
      Objects.requireNonNull(entryLiquidity, "entryLiquidity");
      Objects.requireNonNull(nextSettlement, "nextSettlement");
      if (!Double.isFinite(entryPrice) || entryPrice <= 0) {
        throw new IllegalArgumentException(
            "entryPrice must be finite and > 0, was "
                + entryPrice
                + " (plan "
                + intent.intentId()
                + ")");
      }
      if (!Double.isFinite(entryFee) || entryFee < 0) {
        throw new IllegalArgumentException("entryFee must be finite and >= 0, was " + entryFee);
      }
      if (!Double.isFinite(entrySlippage) || entrySlippage < 0) {
        throw new IllegalArgumentException(
            "entrySlippage must be finite and >= 0, was " + entrySlippage);
      }
      if (!Double.isFinite(funding)) {
        throw new IllegalArgumentException("funding must be finite, was " + funding);
      }
      if (settlements < 0) {
        throw new IllegalArgumentException("settlements must be >= 0, was " + settlements);
      }
    }
  }
}
