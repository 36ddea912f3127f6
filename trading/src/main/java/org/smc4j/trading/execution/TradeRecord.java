package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;

/**
 * One trade as the journal knows it: the plan, its state and, once closed, its result.
 *
 * @param tradeKey the key: the signal part every client id of the trade shares
 * @param signalId the signal's stable id
 * @param instId the instrument
 * @param side long or short
 * @param entryKind market or limit
 * @param plannedEntry the planned entry price
 * @param stop the stop price
 * @param target the target price
 * @param contracts the planned contracts
 * @param contractValue base units per contract ({@code ctVal * ctMult})
 * @param plannedRisk the planned loss at the stop, {@code > 0} (zero for an orphan)
 * @param validUntil after this the entry may no longer be sent
 * @param status the state
 * @param reason why it is skipped, orphaned or closed; empty otherwise
 * @param filledSz contracts filled by the entry
 * @param entryPx the average entry price, once filled
 * @param openedAt when the position opened
 * @param unprotectedSince when the position was last seen without confirmed stop coverage
 * @param closedAt when it closed
 * @param result the money, once closed
 * @param createdAt when the signal was journaled
 */
public record TradeRecord(
    String tradeKey,
    String signalId,
    String instId,
    Side side,
    EntryKind entryKind,
    BigDecimal plannedEntry,
    BigDecimal stop,
    BigDecimal target,
    BigDecimal contracts,
    BigDecimal contractValue,
    BigDecimal plannedRisk,
    Instant validUntil,
    TradeStatus status,
    String reason,
    BigDecimal filledSz,
    Optional<BigDecimal> entryPx,
    Optional<Instant> openedAt,
    Optional<Instant> unprotectedSince,
    Optional<Instant> closedAt,
    Optional<TradeResult> result,
    Instant createdAt) {

  /** Validates that no component is null. */
  public TradeRecord {
    Objects.requireNonNull(tradeKey, "tradeKey");
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(entryKind, "entryKind");
    Objects.requireNonNull(plannedEntry, "plannedEntry");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(contractValue, "contractValue");
    Objects.requireNonNull(plannedRisk, "plannedRisk");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(filledSz, "filledSz");
    Objects.requireNonNull(entryPx, "entryPx");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(unprotectedSince, "unprotectedSince");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Returns a new trade in state {@link TradeStatus#SIGNALLED}.
   *
   * @param tradeKey the key
   * @param signalId the signal id
   * @param instId the instrument
   * @param side the side
   * @param entryKind market or limit
   * @param plannedEntry the planned entry
   * @param stop the stop
   * @param target the target
   * @param contracts the contracts
   * @param contractValue base units per contract
   * @param plannedRisk the planned risk
   * @param validUntil the last moment the entry may be sent
   * @param at now
   * @return the trade
   */
  public static TradeRecord signalled(
      String tradeKey,
      String signalId,
      String instId,
      Side side,
      EntryKind entryKind,
      BigDecimal plannedEntry,
      BigDecimal stop,
      BigDecimal target,
      BigDecimal contracts,
      BigDecimal contractValue,
      BigDecimal plannedRisk,
      Instant validUntil,
      Instant at) {
    return new TradeRecord(
        tradeKey,
        signalId,
        instId,
        side,
        entryKind,
        plannedEntry,
        stop,
        target,
        contracts,
        contractValue,
        plannedRisk,
        validUntil,
        TradeStatus.SIGNALLED,
        "",
        BigDecimal.ZERO,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        at);
  }

  /**
   * Returns the loss if the position (or the pending entry) were stopped now, before fees: {@code
   * |entry - stop| * size * contractValue}; the planned risk for a pending entry.
   *
   * @return the committed risk, {@code >= 0}
   */
  public BigDecimal committedRisk() {
    if (status.hasPosition() && entryPx.isPresent()) {
      return entryPx.get().subtract(stop).abs().multiply(filledSz).multiply(contractValue);
    }
    return plannedRisk;
  }
}
