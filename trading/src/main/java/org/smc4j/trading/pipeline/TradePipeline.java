package org.smc4j.trading.pipeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.risk.guard.GuardBook;
import org.smc4j.risk.guard.GuardDecision;
import org.smc4j.risk.guard.OpenPosition;
import org.smc4j.risk.guard.PortfolioGuard;
import org.smc4j.risk.guard.TradeProposal;
import org.smc4j.trading.broker.Broker;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;
import org.smc4j.trading.order.Trade;
import org.smc4j.trading.plan.PlanSizer;
import org.smc4j.trading.plan.Sizing;
import org.smc4j.trading.plan.TradePlan;

/**
 * The one path after a signal, shared by the backtest, the scanner's replay and paper fills and
 * (next) live trading: plan -> valid prices? -> symbol busy? -> size -> portfolio guards -> order
 * to the {@link Broker} -> journal record. Only the broker differs between them.
 *
 * <p>The pipeline also keeps the guard book: as the {@link BrokerListener} of its brokers it
 * journals every cancellation and closed trade and frees the symbol in the guards. Signals are
 * numbered in the order they arrive, from 1; the number is the order's intent id.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class TradePipeline implements BrokerListener {

  private final PlanSizer sizer;
  private final Optional<PortfolioGuard> guard;
  private final BigDecimal accountEquity;
  private final Journal journal;
  private long lastId;

  /**
   * Creates a pipeline.
   *
   * @param settings sizing, guards and account equity
   * @param clock the time the guards count trading days by: the replay's candle clock, or the wall
   *     clock live
   * @param journal receives every signal with its decision, every cancellation and every trade
   */
  public TradePipeline(PipelineSettings settings, Clock clock, Journal journal) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    this.sizer = new PlanSizer(settings.sizing());
    this.guard = settings.guards().map(limits -> new PortfolioGuard(limits, clock));
    this.accountEquity = settings.accountEquity();
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * Decides one signal at the close of its bar and, when it is taken, hands its order to the
   * broker. The decision is journaled either way; nothing is thrown for a bad plan.
   *
   * @param plan the unsized plan
   * @param spec the instrument's contract spec
   * @param broker the broker that trades the plan's symbol
   * @return taken with the order, or skipped with the reason
   */
  public synchronized TradeDecision onSignal(TradePlan plan, ContractSpec spec, Broker broker) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(broker, "broker");
    long id = ++lastId;
    Optional<String> invalid = plan.priceProblem();
    if (invalid.isPresent()) {
      return skip(id, plan, Optional.empty(), new SkipReason.InvalidPlan(invalid.get()));
    }
    Optional<String> busy = broker.busyReason(plan.symbol());
    if (busy.isPresent()) {
      return skip(id, plan, Optional.empty(), new SkipReason.SymbolBusy(busy.get()));
    }
    Sizing sizing = sizer.size(plan, spec);
    if (sizing instanceof Sizing.Refused refused) {
      return skip(
          id,
          plan,
          Optional.empty(),
          SkipReason.SizeRefused.of(refused.reason(), refused.message()));
    }
    Sizing.Sized sized = (Sizing.Sized) sizing;
    if (guard.isPresent()) {
      // the book is keyed by the plan's symbol, which closes the position again: a venue spec's
      // instrument id (BTC-USDT-SWAP for BTCUSDT) would leave it open for ever
      TradeProposal p = sized.proposal();
      TradeProposal proposal =
          new TradeProposal(plan.symbol(), p.side(), p.contracts(), p.riskUsd(), p.initialMargin());
      GuardDecision decision = guard.get().open(proposal, availableMargin(guard.get()));
      if (decision instanceof GuardDecision.Rejected rejected) {
        return skip(id, plan, Optional.of(sized), SkipReason.GuardRejected.of(rejected.refusals()));
      }
    }
    OrderIntent intent =
        new OrderIntent(
            id,
            plan.poiId(),
            plan.symbol(),
            plan.side(),
            plan.entryKind(),
            plan.entry(),
            plan.stop(),
            plan.target(),
            plan.secondTarget(),
            plan.signalTime(),
            sized.plannedRisk(),
            sized.contracts(),
            sized.contractMultiplier(),
            plan.details());
    Submission submission = broker.submit(intent);
    if (!submission.accepted()) {
      guard.ifPresent(g -> g.close(plan.symbol(), BigDecimal.ZERO));
      return skip(
          id,
          plan,
          Optional.of(sized),
          new SkipReason.BrokerRejected(submission.rejection().orElseThrow()));
    }
    SignalRecord r = record(id, plan, Optional.of(sized), Optional.empty());
    return new TradeDecision.Taken(r, intent);
  }

  /** Journals the cancellation and frees the symbol in the guard book. */
  @Override
  public synchronized void onCancel(OrderCancellation cancellation) {
    journal.recordCancel(cancellation);
    guard.ifPresent(g -> g.close(cancellation.intent().symbol(), BigDecimal.ZERO));
  }

  /** Journals the trade and books its net result in the guards. */
  @Override
  public synchronized void onTrade(Trade trade) {
    journal.recordTrade(trade);
    guard.ifPresent(g -> g.close(trade.symbol(), BigDecimal.valueOf(trade.netPnl())));
  }

  /**
   * Returns the guard book, to be saved with the brokers' state.
   *
   * @return the book, or empty when the pipeline runs without guards
   */
  public synchronized Optional<GuardBook> guardBook() {
    return guard.map(PortfolioGuard::book);
  }

  /**
   * Restores a saved guard book (after a restart, before the first signal).
   *
   * @param book the saved book; ignored when the pipeline runs without guards
   */
  public synchronized void restoreGuardBook(GuardBook book) {
    Objects.requireNonNull(book, "book");
    guard.ifPresent(g -> g.restore(book));
  }

  private BigDecimal availableMargin(PortfolioGuard g) {
    BigDecimal used = BigDecimal.ZERO;
    for (OpenPosition p : g.openPositions()) {
      used = used.add(p.proposal().initialMargin());
    }
    return accountEquity.subtract(used).max(BigDecimal.ZERO);
  }

  private TradeDecision skip(
      long id, TradePlan plan, Optional<Sizing.Sized> sized, SkipReason reason) {
    return new TradeDecision.Skipped(record(id, plan, sized, Optional.of(reason)));
  }

  private SignalRecord record(
      long id, TradePlan plan, Optional<Sizing.Sized> sized, Optional<SkipReason> skip) {
    SignalRecord r =
        new SignalRecord(
            id,
            plan.symbol(),
            plan.signalTime(),
            plan.side(),
            plan.entryKind(),
            plan.entry(),
            plan.stop(),
            plan.target(),
            plan.secondTarget(),
            sized.map(z -> OptionalDouble.of(z.contracts())).orElse(OptionalDouble.empty()),
            sized.map(z -> OptionalDouble.of(z.plannedRisk())).orElse(OptionalDouble.empty()),
            plan.details(),
            skip.isPresent() ? SignalStatus.SKIPPED : SignalStatus.TAKEN,
            skip);
    journal.recordSignal(r);
    return r;
  }
}
