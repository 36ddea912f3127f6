package org.smc4j.trading.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.SetupDetails;

/**
 * One strategy signal and what became of it, as journaled.
 *
 * @param signalId a run-unique id (the plan's intent id when it was sized)
 * @param symbol the instrument
 * @param signalTime the close of the bar that produced the signal
 * @param side long or short
 * @param entryKind market at the next open, or limit
 * @param entryPrice the planned entry
 * @param stop the stop
 * @param target the target
 * @param secondTarget the optional second target
 * @param contracts the size, when sizing succeeded
 * @param plannedRisk the planned loss at the stop in quote currency, when sized
 * @param details what the strategy saw, when known
 * @param status taken or skipped
 * @param skip why it was skipped; empty when taken
 */
public record SignalRecord(
    long signalId,
    String symbol,
    Instant signalTime,
    Side side,
    EntryKind entryKind,
    double entryPrice,
    double stop,
    double target,
    OptionalDouble secondTarget,
    OptionalDouble contracts,
    OptionalDouble plannedRisk,
    Optional<SetupDetails> details,
    SignalStatus status,
    Optional<SkipReason> skip) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when a price is not finite and positive (allowed only for an
   *     {@link SkipReason.InvalidPlan}), or the reason is missing for a skipped signal or present
   *     for a taken one
   */
  public SignalRecord {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(signalTime, "signalTime");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(entryKind, "entryKind");
    Objects.requireNonNull(secondTarget, "secondTarget");
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(plannedRisk, "plannedRisk");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(skip, "skip");
    // an invalid plan is journaled with the prices the strategy computed, whatever they are
    boolean invalidPlan = skip.isPresent() && skip.get() instanceof SkipReason.InvalidPlan;
    for (double p : new double[] {entryPrice, stop, target}) {
      if (!invalidPlan && (!Double.isFinite(p) || p <= 0)) {
        throw new IllegalArgumentException(
            "signal " + signalId + ": prices must be finite and > 0, was " + p);
      }
    }
    if (status == SignalStatus.SKIPPED && skip.isEmpty()) {
      throw new IllegalArgumentException(
          "signal " + signalId + ": a skipped signal needs a reason");
    }
    if (status == SignalStatus.TAKEN && skip.isPresent()) {
      throw new IllegalArgumentException(
          "signal "
              + signalId
              + ": a taken signal has no skip reason, was '"
              + skip.get().message()
              + "'");
    }
  }

  /** Returns the skip reason's full text; empty when taken. */
  public Optional<String> reason() {
    return skip.map(SkipReason::message);
  }
}
