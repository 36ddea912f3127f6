package org.smc4j.trading.pipeline;

import java.util.Objects;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.OrderIntent;

/** What the {@link TradePipeline} did with one signal; its {@link #record()} is journaled. */
public sealed interface TradeDecision permits TradeDecision.Taken, TradeDecision.Skipped {

  /** Returns the journaled record of the signal and this decision. */
  SignalRecord record();

  /**
   * The signal was sized, passed the guards and its order was accepted by the broker.
   *
   * @param record the journaled record, status {@link SignalStatus#TAKEN}
   * @param intent the order handed to the broker
   */
  record Taken(SignalRecord record, OrderIntent intent) implements TradeDecision {

    /** Validates that the record says taken. */
    public Taken {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(intent, "intent");
      if (record.status() != SignalStatus.TAKEN) {
        throw new IllegalArgumentException("a taken decision needs a TAKEN record");
      }
    }
  }

  /**
   * The signal was not traded.
   *
   * @param record the journaled record, status {@link SignalStatus#SKIPPED}
   */
  record Skipped(SignalRecord record) implements TradeDecision {

    /** Validates that the record says skipped. */
    public Skipped {
      Objects.requireNonNull(record, "record");
      if (record.status() != SignalStatus.SKIPPED) {
        throw new IllegalArgumentException("a skipped decision needs a SKIPPED record");
      }
    }

    /** Returns why the signal was skipped. */
    public SkipReason reason() {
      return record.skip().orElseThrow();
    }
  }
}
