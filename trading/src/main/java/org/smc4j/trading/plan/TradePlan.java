package org.smc4j.trading.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.SetupDetails;

/**
 * An entry signal as the pipeline sees it before sizing: the order to place, its stop and target,
 * and what the strategy saw. Made by {@link EntrySignalAdapter} from the strategy engine's signal.
 *
 * <p>The prices are kept as the strategy computed them, even when bad data made one of them
 * non-finite or not positive: such a plan is refused by the pipeline and journaled with the reason
 * ({@link #priceProblem()}), never thrown.
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

  /** Validates that no component is null; the prices are checked by {@link #priceProblem()}. */
  public TradePlan {
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(poiId, "poiId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(entryKind, "entryKind");
    Objects.requireNonNull(secondTarget, "secondTarget");
    Objects.requireNonNull(signalTime, "signalTime");
    Objects.requireNonNull(details, "details");
  }

  /**
   * Tells what is wrong with the plan's prices, if anything.
   *
   * @return e.g. {@code plan sig-S-1: target must be finite and > 0, was -3.5}; empty when entry,
   *     stop, target and second target are finite and positive and the stop and target lie on the
   *     losing and winning side of the entry
   */
  public Optional<String> priceProblem() {
    String[] names = {"entry", "stop", "target"};
    double[] prices = {entry, stop, target};
    for (int k = 0; k < prices.length; k++) {
      if (!Double.isFinite(prices[k]) || prices[k] <= 0) {
        return problem(names[k] + " must be finite and > 0, was " + prices[k]);
      }
    }
    if (secondTarget.isPresent()
        && (!Double.isFinite(secondTarget.getAsDouble()) || secondTarget.getAsDouble() <= 0)) {
      return problem("secondTarget must be finite and > 0, was " + secondTarget.getAsDouble());
    }
    int s = side.sign();
    if ((stop - entry) * s >= 0) {
      return problem(
          "stop must be on the losing side of the entry for a "
              + side
              + ", was stop "
              + stop
              + " vs entry "
              + entry);
    }
    if ((target - entry) * s <= 0) {
      return problem(
          "target must be on the winning side of the entry for a "
              + side
              + ", was target "
              + target
              + " vs entry "
              + entry);
    }
    return Optional.empty();
  }

  private Optional<String> problem(String text) {
    return Optional.of("plan " + signalId + ": " + text);
  }
}
