package org.smc4j.trading.broker;

import org.smc4j.trading.order.EntryFill;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.Trade;

/**
 * Receives what a {@link Broker} does, in time order. Called on the thread that drives the broker;
 * implementations must not throw.
 */
public interface BrokerListener {

  /** A listener that ignores everything. */
  BrokerListener NONE =
      new BrokerListener() {
        @Override
        public void onCancel(OrderCancellation cancellation) {}

        @Override
        public void onTrade(Trade trade) {}
      };

  /**
   * A plan's entry filled. Ignored unless overridden.
   *
   * @param fill the entry fill
   */
  default void onFill(EntryFill fill) {}

  /**
   * A pending entry was cancelled.
   *
   * @param cancellation what and why
   */
  void onCancel(OrderCancellation cancellation);

  /**
   * A position was closed.
   *
   * @param trade the round trip
   */
  void onTrade(Trade trade);
}
