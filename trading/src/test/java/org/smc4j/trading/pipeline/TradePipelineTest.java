package org.smc4j.trading.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.RefusalReason;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.Guard;
import org.smc4j.risk.guard.GuardLimits;
import org.smc4j.trading.broker.Broker;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;
import org.smc4j.trading.order.Trade;
import org.smc4j.trading.plan.TradePlan;

class TradePipelineTest {

  static final Instant T0 = Instant.parse("2025-01-01T00:05:00Z");

  /** BTC-USDT-SWAP as OKX publishes it: 0.01 BTC per contract, lot 0.01. */
  static final ContractSpec BTC =
      new ContractSpec(
          "BTC-USDT-SWAP",
          ContractType.LINEAR,
          "USDT",
          new BigDecimal("0.01"),
          BigDecimal.ONE,
          "BTC",
          new BigDecimal("0.1"),
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("1000"),
          new BigDecimal("1000"),
          InstrumentState.LIVE);

  private final RecordingJournal journal = new RecordingJournal();

  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  private TradePipeline pipeline(Optional<GuardLimits> guards) {
    return new TradePipeline(
        new PipelineSettings(SizingParameters.DEFAULT, guards, new BigDecimal("1000")),
        clock,
        journal);
  }

  static TradePlan plan(String symbol, double entry, double stop, double target) {
    return new TradePlan(
        "sig-" + symbol,
        "poi-" + symbol,
        symbol,
        Side.LONG,
        EntryKind.LIMIT,
        entry,
        stop,
        target,
        OptionalDouble.empty(),
        T0,
        Optional.empty());
  }

  @Test
  void shouldTakeASizedSignalAndHandItsOrderToTheBroker() {
    FakeBroker broker = new FakeBroker();
    TradeDecision d =
        pipeline(Optional.empty()).onSignal(plan("BTCUSDT", 100_000, 99_500, 101_000), BTC, broker);

    assertThat(d).isInstanceOf(TradeDecision.Taken.class);
    OrderIntent intent = ((TradeDecision.Taken) d).intent();
    assertThat(intent.intentId()).isEqualTo(1);
    assertThat(broker.submitted).containsExactly(intent);
    // $1 over a 500 stop is 0.002 BTC = 0.2 contracts before fees; the sizer rounds down by lot
    assertThat(intent.contracts()).isGreaterThan(0).isLessThanOrEqualTo(0.2);
    assertThat(journal.signals).containsExactly(d.record());
    assertThat(d.record().status()).isEqualTo(SignalStatus.TAKEN);
    assertThat(d.record().skip()).isEmpty();
  }

  @Test
  void shouldRefuseAndJournalAPlanWithANegativeTargetWithoutThrowing() {
    FakeBroker broker = new FakeBroker();
    // a x100 wick puts the stop far above a short's entry: the 2R target lands below zero
    TradePlan bad =
        new TradePlan(
            "sig-S-1",
            "poi-1",
            "BTCUSDT",
            Side.SHORT,
            EntryKind.MARKET_NEXT_OPEN,
            100,
            10_000,
            -19_700,
            OptionalDouble.empty(),
            T0,
            Optional.empty());

    TradeDecision d = pipeline(Optional.empty()).onSignal(bad, BTC, broker);

    assertThat(d).isInstanceOf(TradeDecision.Skipped.class);
    SkipReason reason = ((TradeDecision.Skipped) d).reason();
    assertThat(reason)
        .isEqualTo(
            new SkipReason.InvalidPlan(
                "plan sig-S-1: target must be finite and > 0, was -19700.0"));
    assertThat(broker.submitted).isEmpty();
    assertThat(journal.signals).containsExactly(d.record());
    assertThat(d.record().target()).isEqualTo(-19_700);
  }

  @Test
  void shouldSkipASignalWhileItsSymbolIsBusyWithTheBrokersReason() {
    FakeBroker broker = new FakeBroker();
    broker.busy = Optional.of("one position per symbol: BTCUSDT holds a LONG position");

    TradeDecision d =
        pipeline(Optional.empty()).onSignal(plan("BTCUSDT", 100_000, 99_500, 101_000), BTC, broker);

    assertThat(((TradeDecision.Skipped) d).reason())
        .isEqualTo(
            new SkipReason.SymbolBusy("one position per symbol: BTCUSDT holds a LONG position"));
    assertThat(d.record().contracts()).isEmpty();
    assertThat(broker.submitted).isEmpty();
  }

  @Test
  void shouldSkipASignalTheSizerRefusesWithItsRule() {
    FakeBroker broker = new FakeBroker();
    // a stop 0.05 away is under the 0.1 tick
    TradeDecision d =
        pipeline(Optional.empty())
            .onSignal(plan("BTCUSDT", 100_000, 99_999.95, 100_000.2), BTC, broker);

    SkipReason reason = ((TradeDecision.Skipped) d).reason();
    assertThat(reason).isInstanceOf(SkipReason.SizeRefused.class);
    assertThat(((SkipReason.SizeRefused) reason).reason())
        .isEqualTo(RefusalReason.STOP_UNDER_ONE_TICK);
    assertThat(reason.message()).startsWith("size refused (STOP_UNDER_ONE_TICK): ");
    assertThat(reason.label()).isEqualTo("size refused (STOP_UNDER_ONE_TICK)");
  }

  @Test
  void shouldApplyTheGuardsAndFreeTheSymbolWhenItsTradeCloses() {
    GuardLimits oneAtATime = new GuardLimits(new BigDecimal("5"), 4, 1, new BigDecimal("3.3"), 0);
    TradePipeline p = pipeline(Optional.of(oneAtATime));
    FakeBroker btc = new FakeBroker();
    FakeBroker eth = new FakeBroker();

    TradeDecision first = p.onSignal(plan("BTCUSDT", 100_000, 99_500, 101_000), BTC, btc);
    TradeDecision second = p.onSignal(plan("ETHUSDT", 100_000, 99_500, 101_000), BTC, eth);

    assertThat(first).isInstanceOf(TradeDecision.Taken.class);
    SkipReason refused = ((TradeDecision.Skipped) second).reason();
    assertThat(refused).isInstanceOf(SkipReason.GuardRejected.class);
    assertThat(((SkipReason.GuardRejected) refused).guards())
        .containsExactly(Guard.MAX_CONCURRENT_TRADES);
    assertThat(second.record().contracts()).as("sized before the guards").isPresent();
    assertThat(eth.submitted).isEmpty();

    OrderIntent in = ((TradeDecision.Taken) first).intent();
    Trade win =
        new Trade(
            in,
            T0,
            100_000,
            Liquidity.MAKER,
            0.01,
            0,
            T0.plusSeconds(600),
            101_000,
            Liquidity.MAKER,
            0.01,
            0,
            ExitReason.TARGET,
            0,
            0,
            false,
            Optional.empty());
    p.onTrade(win);
    assertThat(journal.trades).containsExactly(win);

    TradeDecision third = p.onSignal(plan("ETHUSDT", 100_000, 99_500, 101_000), BTC, eth);
    assertThat(third).isInstanceOf(TradeDecision.Taken.class);
    assertThat(third.record().signalId()).isEqualTo(3);
  }

  @Test
  void shouldSkipAnOrderTheBrokerRejectsAndReleaseItsGuardSlot() {
    GuardLimits oneAtATime = new GuardLimits(new BigDecimal("5"), 4, 1, new BigDecimal("3.3"), 0);
    TradePipeline p = pipeline(Optional.of(oneAtATime));
    FakeBroker closed = new FakeBroker();
    closed.rejection = Optional.of("venue closed for maintenance");

    TradeDecision d = p.onSignal(plan("BTCUSDT", 100_000, 99_500, 101_000), BTC, closed);
    TradeDecision next =
        p.onSignal(plan("ETHUSDT", 100_000, 99_500, 101_000), BTC, new FakeBroker());

    assertThat(((TradeDecision.Skipped) d).reason())
        .isEqualTo(new SkipReason.BrokerRejected("venue closed for maintenance"));
    assertThat(next).isInstanceOf(TradeDecision.Taken.class);
  }

  /** A broker that answers as told and remembers what it was given. */
  static final class FakeBroker implements Broker {
    Optional<String> busy = Optional.empty();
    Optional<String> rejection = Optional.empty();
    final List<OrderIntent> submitted = new ArrayList<>();

    @Override
    public Optional<String> busyReason(String symbol) {
      return busy;
    }

    @Override
    public Submission submit(OrderIntent intent) {
      if (rejection.isPresent()) {
        return new Submission(intent, rejection);
      }
      submitted.add(intent);
      return new Submission(intent, Optional.empty());
    }

    @Override
    public boolean cancelPendingForPoi(String poiId, Instant at, String detail) {
      return false;
    }
  }

  /** A journal that keeps what it is given. */
  static final class RecordingJournal implements Journal {
    final List<SignalRecord> signals = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<OrderCancellation> cancels = new ArrayList<>();

    @Override
    public void recordSignal(SignalRecord signal) {
      signals.add(signal);
    }

    @Override
    public void recordCancel(OrderCancellation cancellation) {
      cancels.add(cancellation);
    }

    @Override
    public void recordTrade(Trade trade) {
      trades.add(trade);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
