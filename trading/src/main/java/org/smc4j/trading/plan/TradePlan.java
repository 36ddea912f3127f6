package org.smc4j.trading.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.SetupDetails;

/**
 * An entry signal as the backtest sees it before sizing: the order to place, its stop and target,
 * and what the strategy saw. Made by {@link EntrySignalAdapter} from the strategy engine's signal.
 *
 * @param signalId the strategy's signal id, e.g. {@code sig-L-1735700400000}
 * @param poiId the id of the POI the signal came from
 * @param symbol the instrument
 * @param side long or short
 * @param entryKind market at the next open (MSS) or limit (FVG)
 * @param entry the planned entry price
 * @param stop the stop
 * @param target the target
 * @param secondTarget the optional second target (the leg end)
 * @param signalTime the close of the bar that produced the signal
 * @param details what the strategy saw
 */
public record TradePlan(
    String signalId,
    String poiId,
    String symbol,
    Side side,
    EntryKind entryKind,
    double entry,
    double stop,
    double target,
    OptionalDouble secondTarget,
    Instant signalTime,
    Optional<SetupDetails> details) {

  /**
   * Validates that no component is null and the prices are finite and positive.
   *
   * @throws IllegalArgumentException when a price is not finite and positive
   */
  public TradePlan {
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(poiId, "poiId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(entryKind, "entryKind");
    Objects.requireNonNull(secondTarget, "secondTarget");
    Objects.requireNonNull(signalTime, "signalTime");
    Objects.requireNonNull(details, "details");
    for (double p : new double[] {entry, stop, target}) {
      if (!Double.isFinite(p) || p <= 0) {
        throw new IllegalArgumentException(
            "plan " + signalId + ": entry, stop and target must be finite and > 0, was " + p);
      }
    }
  }
}
