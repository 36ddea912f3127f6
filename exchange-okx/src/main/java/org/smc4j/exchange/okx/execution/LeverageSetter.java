package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.model.LeverageSetting;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.SetLeverageRequest;
import org.smc4j.trading.execution.ExecutionEvent;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.LeverageRecord;

/**
 * Sets an instrument's leverage before an entry when the journal does not show a leverage at or
 * below what the {@link LeveragePolicy} allows for that entry's stop: {@code set-leverage}, read
 * back with {@code leverage-info}, journaled. Only ever lowers the leverage once set, so later
 * entries with wider stops stay safe and tighter stops cost no request.
 */
final class LeverageSetter {

  private static final Logger log = LoggerFactory.getLogger(LeverageSetter.class);

  private final OkxClient client;
  private final ExecutionJournal journal;
  private final LeveragePolicy policy;
  private final MarginMode mgnMode;
  private final InstantSource clock;

  LeverageSetter(
      OkxClient client,
      ExecutionJournal journal,
      LeveragePolicy policy,
      MarginMode mgnMode,
      InstantSource clock) {
    this.client = client;
    this.journal = journal;
    this.policy = policy;
    this.mgnMode = mgnMode;
    this.clock = clock;
  }

  /**
   * Makes sure the instrument's leverage keeps the liquidation beyond the stop.
   *
   * @return empty when fine, else why the entry must be skipped
   */
  Optional<String> ensure(String instId, Side side, BigDecimal entry, BigDecimal stop) {
    BigDecimal lever = policy.leverageFor(entry, stop);
    Optional<LeverageRecord> known = journal.leverage(instId);
    if (known.isPresent()
        && known.get().mgnMode().equals(mgnMode.wire())
        && known.get().lever().compareTo(lever) <= 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    OkxResult<LeverageSetting> set =
        client.setLeverage(new SetLeverageRequest(instId, lever, mgnMode, Optional.empty()));
    if (!(set instanceof OkxResult.Ok<LeverageSetting>)) {
      return failed(
          instId, lever, "set-leverage failed: " + set.failure().orElseThrow().describe());
    }
    OkxResult<List<LeverageSetting>> back = client.leverageInfo(instId, mgnMode);
    if (!(back instanceof OkxResult.Ok<List<LeverageSetting>> ok)) {
      return failed(
          instId, lever, "leverage-info failed: " + back.failure().orElseThrow().describe());
    }
    Optional<BigDecimal> actual =
        ok.value().stream()
            .filter(s -> s.instId().equals(instId))
            .map(LeverageSetting::lever)
            .findFirst();
    if (actual.isEmpty() || actual.get().compareTo(lever) > 0) {
      return failed(
          instId,
          lever,
          "leverage read back as "
              + actual.map(BigDecimal::toPlainString).orElse("nothing")
              + ", above the "
              + lever.toPlainString()
              + " that was set");
    }
    BigDecimal liquidation = policy.liquidationEstimate(side, entry, actual.get());
    String detail =
        "lever "
            + actual.get().toPlainString()
            + " ("
            + mgnMode.wire()
            + ") for entry "
            + entry.toPlainString()
            + ", stop "
            + stop.toPlainString()
            + ": estimated liquidation "
            + liquidation.toPlainString()
            + " lies beyond the stop";
    journal.recordLeverage(new LeverageRecord(instId, mgnMode.wire(), actual.get(), now), detail);
    log.info("{}: {}", instId, detail);
    return Optional.empty();
  }

  private Optional<String> failed(String instId, BigDecimal lever, String why) {
    String reason =
        "leverage " + lever.toPlainString() + " could not be set on " + instId + ": " + why;
    journal.addEvent(
        new ExecutionEvent(ExecutionEventKind.LEVERAGE_FAILED, instId, reason, clock.instant()));
    return Optional.of(reason);
  }
}
