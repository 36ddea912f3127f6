package org.smc4j.trading.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.signal.Side;

/**
 * A sized trade plan handed to the broker at the close of the signal bar: the entry order with its
 * stop and target. Stop, target and size were computed from the planned entry when the signal was
 * made (STRATEGY.md section 6); the actual fill may differ, and realised R is measured against
 * {@code plannedRisk}.
 *
 * @param intentId a run-unique id of this plan
 * @param poiId the id of the POI the signal came from; a POI death cancels the pending entry
 * @param symbol the instrument, e.g. {@code BTCUSDT}
 * @param side long or short
 * @param entryKind market at the next open, or a resting limit
 * @param entryPrice the planned entry: the signal close (market) or the limit price
 * @param stop the stop price, on the losing side of the entry
 * @param target the target price, on the winning side of the entry
 * @param secondTarget an optional further target (the leg end); journaled, not traded
 * @param signalTime the close time of the bar that produced the signal
 * @param plannedRisk the planned loss at the stop in quote currency, {@code > 0}
 * @param contracts the number of contracts, {@code > 0}
 * @param contractMultiplier base units per contract ({@code ctVal * ctMult}), {@code > 0}
 * @param details what the strategy saw, when known
 */
public record OrderIntent(
    long intentId,
    String poiId,
    String symbol,
    Side side,
    EntryKind entryKind,
    double entryPrice,
    double stop,
    double target,
    OptionalDouble secondTarget,
    Instant signalTime,
    double plannedRisk,
    double contracts,
    double contractMultiplier,
    Optional<SetupDetails> details) {

  /**
   * Validates the plan.
   *
   * @throws IllegalArgumentException when a price or quantity is not finite and positive, or the
   *     stop and target are not on the losing and winning side of the entry
   */
  public OrderIntent {
    Objects.requireNonNull(poiId, "poiId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(entryKind, "entryKind");
    Objects.requireNonNull(secondTarget, "secondTarget");
    Objects.requireNonNull(signalTime, "signalTime");
    Objects.requireNonNull(details, "details");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    checkPrice("entryPrice", entryPrice);
    checkPrice("stop", stop);
    checkPrice("target", target);
    checkPositive("plannedRisk", plannedRisk);
    checkPositive("contracts", contracts);
    checkPositive("contractMultiplier", contractMultiplier);
    int s = side.sign();
    if ((stop - entryPrice) * s >= 0) {
      throw new IllegalArgumentException(
          "stop must be on the losing side of the entry for a "
              + side
              + ", was stop "
              + stop
              + " vs entry "
              + entryPrice);
    }
    if ((target - entryPrice) * s <= 0) {
      throw new IllegalArgumentException(
          "target must be on the winning side of the entry for a "
              + side
              + ", was target "
              + target
              + " vs entry "
              + entryPrice);
    }
    if (secondTarget.isPresent()) {
      checkPrice("secondTarget", secondTarget.getAsDouble());
    }
  }

  /** Returns the number of base units held: {@code contracts * contractMultiplier}. */
  public double quantity() {
    return contracts * contractMultiplier;
  }

  static void checkPrice(String name, double price) {
    if (!Double.isFinite(price) || price <= 0) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + price);
    }
  }

  private static void checkPositive(String name, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
    }
  }
}
