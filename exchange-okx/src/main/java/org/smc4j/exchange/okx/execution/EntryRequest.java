package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;

/**
 * One sized entry for the executor: a market (MSS) or post-only limit (FVG) entry with its stop and
 * target, in the instrument's contracts.
 *
 * @param signalId the signal's stable id; the client order ids derive from it
 * @param instId the instrument, e.g. {@code BTC-USDT-SWAP}
 * @param side long or short
 * @param kind market or limit
 * @param entryPx the planned entry (the limit price for a limit entry)
 * @param stop the stop trigger
 * @param target the target trigger
 * @param contracts the size in contracts, rounded down to the lot size by the executor
 * @param plannedRisk the planned all-in loss at the stop, {@code > 0}
 * @param validUntil the last moment the entry may be sent (a retry after it is skipped)
 */
public record EntryRequest(
    String signalId,
    String instId,
    Side side,
    EntryKind kind,
    BigDecimal entryPx,
    BigDecimal stop,
    BigDecimal target,
    BigDecimal contracts,
    BigDecimal plannedRisk,
    Instant validUntil) {

  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException when a price or size is not positive, or the stop and target
   *     are not on the losing and winning side of the entry
   */
  public EntryRequest {
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(entryPx, "entryPx");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(plannedRisk, "plannedRisk");
    Objects.requireNonNull(validUntil, "validUntil");
    for (BigDecimal value : new BigDecimal[] {entryPx, stop, target, contracts, plannedRisk}) {
      if (value.signum() <= 0) {
        throw new IllegalArgumentException(
            "signal "
                + signalId
                + ": prices, contracts and plannedRisk must be > 0, was "
                + value.toPlainString());
      }
    }
    int s = side.sign();
    if (stop.subtract(entryPx).signum() * s >= 0) {
      throw new IllegalArgumentException(
          "signal "
              + signalId
              + ": stop "
              + stop.toPlainString()
              + " must be on the losing side of entry "
              + entryPx.toPlainString()
              + " for "
              + side);
    }
    if (target.subtract(entryPx).signum() * s <= 0) {
      throw new IllegalArgumentException(
          "signal "
              + signalId
              + ": target "
              + target.toPlainString()
              + " must be on the winning side of entry "
              + entryPx.toPlainString()
              + " for "
              + side);
    }
  }
}
