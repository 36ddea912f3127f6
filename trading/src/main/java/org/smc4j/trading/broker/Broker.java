package org.smc4j.trading.broker;

import java.time.Instant;
import java.util.Optional;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

/**
 * Where the {@code TradePipeline} sends its orders: the simulated broker of the backtest and the
 * scanner's paper fills now, an exchange broker next. A broker tells its {@link BrokerListener} of
 * fills, cancellations and closed trades.
 */
public interface Broker {

  /**
   * Tells why a new entry on a symbol would be refused now: it holds a position or has a pending
   * entry (one position per symbol).
   *
   * @param symbol the instrument
   * @return the reason with what the symbol holds, or empty when an entry would be accepted
   */
  Optional<String> busyReason(String symbol);

  /**
   * Places a sized plan's entry (with its stop and target) at the close of its signal bar.
   *
   * @param intent the plan
   * @return accepted, or rejected with the reason
   */
  Submission submit(OrderIntent intent);

  /**
   * Cancels the pending entry that came from a POI, if there is one; the cancellation is reported
   * to the listener.
   *
   * @param poiId the POI that died
   * @param at when its death became known
   * @param detail why it died
   * @return true when a pending entry was cancelled
   */
  boolean cancelPendingForPoi(String poiId, Instant at, String detail);
}
