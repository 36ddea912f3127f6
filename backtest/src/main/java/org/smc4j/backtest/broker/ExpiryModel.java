package org.smc4j.backtest.broker;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderIntent;

/**
 * When a pending entry order expires if it has neither filled nor been cancelled. Market orders
 * fill on the next candle, so expiry matters for limit entries.
 */
public interface ExpiryModel {

  /** Orders live until they fill or are cancelled. */
  ExpiryModel NEVER = intent -> OptionalLong.empty();

  /**
   * The default: a limit entry lives at most 12 h after its signal, the default POI lifetime (48 x
   * 15m bars, STRATEGY.md section 5); the POI's death normally cancels it earlier.
   */
  ExpiryModel DEFAULT = after(Duration.ofHours(12));

  /**
   * Returns the time from which the order no longer fills: it is cancelled before any candle whose
   * open time is at or after it.
   *
   * @param intent the plan
   * @return the expiry in epoch ms, or empty for none
   */
  OptionalLong expiresAtMillis(OrderIntent intent);

  /**
   * Returns a model under which limit entries expire a fixed time after the signal.
   *
   * @param lifetime how long an order may rest, positive
   * @return the model
   * @throws IllegalArgumentException when {@code lifetime} is not positive
   */
  static ExpiryModel after(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
    }
    long millis = lifetime.toMillis();
    return intent ->
        intent.entryKind() == EntryKind.LIMIT
            ? OptionalLong.of(intent.signalTime().toEpochMilli() + millis)
            : OptionalLong.empty();
  }
}
