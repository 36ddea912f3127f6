package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;
import org.smc4j.exchange.okx.model.AlgoOrderDetails;
import org.smc4j.exchange.okx.model.AlgoOrderType;
import org.smc4j.exchange.okx.model.Fill;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderAck;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.exchange.okx.model.OrderRef;
import org.smc4j.exchange.okx.model.OrderType;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.exchange.okx.model.Position;
import org.smc4j.exchange.okx.preflight.AccountPreflight;
import org.smc4j.exchange.okx.preflight.PreflightReport;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.trading.execution.DailyLoss;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.execution.TradingEnvironment;
import org.smc4j.trading.order.EntryKind;

/**
 * Places, protects, reconciles and stops the bot's OKX orders (OKX-TRADING.md section 15; the order
 * of work is in the package documentation). Every decision is journaled in the {@link
 * ExecutionJournal} before the request that acts on it leaves the process, so a restarted executor
 * on the same journal finds its own orders by their deterministic client ids and never sends an
 * entry twice.
 *
 * <p>Time comes from an injected clock and every wait goes through an injected {@link Sleeper}, so
 * tests run the deadlines and backoffs on simulated time. Not thread-safe: one loop drives it.
 */
public final class OkxExecutor {

  private static final Logger log = LoggerFactory.getLogger(OkxExecutor.class);
  private static final String SWAP = "SWAP";
  // how far before an intent the search for its entry reads (server clock offset, cTime rounding)
  private static final Duration SEARCH_SLACK = Duration.ofMinutes(1);
  // a window of seconds never holds this many pages; more means the search cannot prove absence
  private static final int MAX_SEARCH_PAGES = 50;
  // one cent: the journal sums the same fills, fees and bills OKX sums, so only rounding differs
  private static final BigDecimal PNL_CROSS_CHECK_TOLERANCE = new BigDecimal("0.01");
  private static final List<AlgoOrderType> TPSL_TYPES =
      List.of(AlgoOrderType.CONDITIONAL, AlgoOrderType.OCO);

  private final OkxClient client;
  private final ExecutionJournal journal;
  private final ExecutionSettings settings;
  private final Map<String, OkxInstrument> instruments = new HashMap<>();
  private final InstantSource clock;
  private final ExecutionAlerts alerts;
  private final CrashPoints crashPoints;
  private final RandomGenerator random;
  private final MismatchTracker mismatches;
  private final LeverageSetter leverage;
  private final LedgerImporter ledger;
  private final PositionsHistoryCheck historyCheck;
  private final ExecutionContext ctx;
  private final AlgoBook algos;
  private final PositionCloser closer;
  private final PositionProtector protector;
  private boolean started;
  private int appliedKillLevel;

  /**
   * Creates an executor; call {@link #start} before the first entry.
   *
   * @param client the signed OKX client
   * @param journal the execution journal
   * @param settings how to trade
   * @param instruments the tradable instruments with their live specs
   * @param clock local time (deadlines, journal times)
   * @param sleeper every wait
   * @param alerts where to report what a human must know
   * @param crashPoints the test-only crash hook, {@link CrashPoints#NONE} in production
   */
  public OkxExecutor(
      OkxClient client,
      ExecutionJournal journal,
      ExecutionSettings settings,
      Collection<OkxInstrument> instruments,
      InstantSource clock,
      Sleeper sleeper,
      ExecutionAlerts alerts,
      CrashPoints crashPoints) {
    this.client = Objects.requireNonNull(client, "client");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.crashPoints = Objects.requireNonNull(crashPoints, "crashPoints");
    this.random = new Random(settings.seed());
    this.mismatches = new MismatchTracker(journal, alerts);
    this.ledger = new LedgerImporter(client, journal, alerts);
    this.historyCheck =
        new PositionsHistoryCheck(client, journal, alerts, clock, PNL_CROSS_CHECK_TOLERANCE);
    this.leverage =
        new LeverageSetter(client, journal, settings.leverage(), settings.tdMode(), clock);
    for (OkxInstrument instrument : instruments) {
      this.instruments.put(instrument.instId(), instrument);
    }
    this.ctx =
        new ExecutionContext(
            client,
            journal,
            settings,
            this.instruments,
            clock,
            Objects.requireNonNull(sleeper, "sleeper"),
            alerts,
            crashPoints,
            random);
    this.algos = new AlgoBook(ctx);
    this.closer = new PositionCloser(ctx, algos, ledger);
    this.protector = new PositionProtector(ctx, algos, closer);
  }

  /** Returns the journal. */
  public ExecutionJournal journal() {
    return journal;
  }

  // ---- start ----

  /**
   * Runs the account pre-flight (with the journal's environment), binds the journal to the
   * environment, reconciles the journal with the exchange and re-applies a persisted kill switch.
   *
   * @param preflight what the account must look like
   * @throws StartRefusedException when the pre-flight refuses; nothing was sent then
   * @throws IllegalStateException when the journal belongs to another environment
   */
  public void start(PreflightSettings preflight) {
    Objects.requireNonNull(preflight, "preflight");
    TradingEnvironment environment =
        preflight.environment() == OkxEnvironment.DEMO
            ? TradingEnvironment.DEMO
            : TradingEnvironment.LIVE;
    Optional<TradingEnvironment> stored = journal.environment();
    if (stored.isPresent() && stored.get() == TradingEnvironment.PAPER) {
      journal.bindEnvironment(environment);
    }
    PreflightSettings checked =
        new PreflightSettings(
            preflight.environment(),
            preflight.host(),
            preflight.positionMode(),
            preflight.tdMode(),
            stored.map(
                s -> s == TradingEnvironment.DEMO ? OkxEnvironment.DEMO : OkxEnvironment.LIVE),
            preflight.refuseClockOffset(),
            preflight.warnClockOffset());
    PreflightReport report = AccountPreflight.run(client, checked);
    report.warnings().forEach(w -> log.warn("pre-flight: {}: {}", w.kind(), w.message()));
    if (!report.passed()) {
      alerts.alert("refusing to start: " + report.describe());
      throw new StartRefusedException(report);
    }
    journal.bindEnvironment(environment);
    int earlier = journal.killSwitchLevel();
    if (earlier > 0) {
      alerts.alert("kill switch level " + earlier + " is still tripped from an earlier run");
    }
    // a trip by this start-up's reconciliation (e.g. an orphan) raises its own alert
    reconcile();
    int level = journal.killSwitchLevel();
    if (level >= 2) {
      applyKillSwitch(level);
    }
    appliedKillLevel = level;
    started = true;
  }

  // ---- entries ----

  /**
   * Trades one signal: guards, the write-ahead intent, the entry, its resolution and protection. A
   * signal already in the journal is not traded again.
   *
   * @param request the entry
   * @return the trade as journaled afterwards ({@link TradeStatus#SKIPPED} with the reason when
   *     refused)
   * @throws IllegalArgumentException when the instrument is not configured
   */
  public TradeRecord enter(EntryRequest request) {
    Objects.requireNonNull(request, "request");
    OkxInstrument instrument = instrument(request.instId());
    String key = ClientOrderId.signalKey(request.signalId());
    Optional<TradeRecord> existing = journal.trade(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    boolean isLong = request.side() == Side.LONG;
    BigDecimal sz = instrument.floorSize(request.contracts());
    // Stop and limit round towards the entry's safe side: the loss at the stop never exceeds the
    // plan, and a limit never pays more than planned.
    BigDecimal stop =
        instrument.roundPrice(request.stop(), isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
    BigDecimal target = instrument.roundPrice(request.target(), RoundingMode.HALF_EVEN);
    BigDecimal px =
        instrument.roundPrice(
            request.entryPx(), isLong ? RoundingMode.FLOOR : RoundingMode.CEILING);
    TradeRecord trade =
        TradeRecord.signalled(
            key,
            request.signalId(),
            request.instId(),
            request.side(),
            request.kind(),
            px,
            stop,
            target,
            sz.signum() > 0 ? sz : request.contracts(),
            instrument.ctVal().multiply(instrument.ctMult()),
            request.plannedRisk(),
            request.validUntil(),
            now);
    Optional<String> refusal = refusal(request, instrument, sz, now);
    if (refusal.isEmpty()) {
      // before the first entry on the symbol (and whenever this stop needs a lower leverage)
      refusal = leverage.ensure(request.instId(), request.side(), px, stop);
    }
    if (refusal.isPresent()) {
      journal.addTrade(trade);
      journal.updateTrade(key, TradeStatus.SKIPPED, refusal.get(), now);
      log.info("signal {} on {} skipped: {}", request.signalId(), request.instId(), refusal.get());
      return trade(key);
    }
    ClientOrderId id = ClientOrderId.of(request.signalId(), OrderRole.ENTRY, 1);
    journal.beginTrade(trade, entryIntent(trade, id, now));
    crashPoints.reached(CrashPoints.INTENT_COMMITTED);
    submitEntry(key, id, true);
    return trade(key);
  }

  /**
   * Cancels a trade's working entry (its POI died); fills that arrived before the cancel are
   * protected.
   *
   * @param tradeKey the trade
   * @param reason why
   * @return true when a working entry was cancelled
   */
  public boolean cancelEntry(String tradeKey, String reason) {
    Optional<TradeRecord> trade = journal.trade(tradeKey);
    if (trade.isEmpty() || trade.get().status() != TradeStatus.ENTRY_WORKING) {
      return false;
    }
    boolean cancelled = false;
    for (OrderRecord order : journal.ordersOf(tradeKey)) {
      if (order.role().equals("E")
          && (order.status() == OrderStatus.LIVE
              || order.status() == OrderStatus.PARTIALLY_FILLED)) {
        log.info("cancelling entry {} of {}: {}", order.clOrdId(), order.instId(), reason);
        Optional<OrderDetails> after = cancelAndRead(order.instId(), order.clOrdId());
        after.ifPresent(d -> applyEntryState(tradeKey, order.clOrdId(), d));
        cancelled = true;
      }
    }
    return cancelled;
  }

  private Optional<String> refusal(
      EntryRequest request, OkxInstrument instrument, BigDecimal sz, Instant now) {
    int level = journal.killSwitchLevel();
    if (level > 0) {
      return Optional.of("kill switch level " + level + " is tripped: no new entries");
    }
    if (!started) {
      return Optional.of("executor not started: no reconciliation has run yet");
    }
    for (TradeRecord open : journal.openTrades()) {
      if (open.instId().equals(request.instId())) {
        return Optional.of(
            request.instId()
                + " already has a trade in state "
                + open.status()
                + " (one position per symbol)");
      }
    }
    try {
      instrument.formatSize(sz, request.kind() == EntryKind.MARKET_NEXT_OPEN);
    } catch (IllegalArgumentException e) {
      return Optional.of("size cannot be sent: " + e.getMessage());
    }
    DailyLoss day = journal.dailyLoss(LocalDate.ofInstant(now, ZoneOffset.UTC));
    if (day.openTrades() >= settings.maxOpenTrades()) {
      return Optional.of(
          "max open trades "
              + settings.maxOpenTrades()
              + " reached ("
              + day.openTrades()
              + " open, pending entries and orphans included)");
    }
    BigDecimal limit = settings.dailyLossLimit().negate();
    if (day.realised().compareTo(limit) <= 0) {
      ctx.trip(1, "daily loss limit reached: realised " + day.realised().toPlainString());
      return Optional.of(
          "daily loss limit: realised "
              + day.realised().toPlainString()
              + " <= -"
              + settings.dailyLossLimit().toPlainString());
    }
    if (day.committed().subtract(request.plannedRisk()).compareTo(limit) < 0) {
      return Optional.of(
          "daily loss limit: committed "
              + day.committed().toPlainString()
              + " - risk "
              + request.plannedRisk().toPlainString()
              + " < -"
              + settings.dailyLossLimit().toPlainString());
    }
    return Optional.empty();
  }

  private OrderRecord entryIntent(TradeRecord trade, ClientOrderId id, Instant now) {
    boolean market = trade.entryKind() == EntryKind.MARKET_NEXT_OPEN;
    return OrderRecord.intent(
        id.value(),
        trade.tradeKey(),
        "E",
        trade.instId(),
        wire(trade.side().entryAction().name()),
        market ? OrderType.MARKET.wire() : OrderType.POST_ONLY.wire(),
        trade.contracts(),
        market ? Optional.empty() : Optional.of(trade.plannedEntry()),
        Optional.of(trade.stop()),
        Optional.of(trade.target()),
        false,
        Optional.of(client.serverClock().instant().plus(OkxClientConfig.DEFAULT_EXP_TIME_WINDOW)),
        now);
  }

  private PlaceOrderRequest entryRequest(TradeRecord trade, ClientOrderId id) {
    OkxInstrument instrument = instrument(trade.instId());
    return trade.entryKind() == EntryKind.MARKET_NEXT_OPEN
        ? PlaceOrderRequest.marketEntry(
            instrument,
            settings.tdMode(),
            trade.side(),
            trade.contracts(),
            id,
            trade.stop(),
            trade.target())
        : PlaceOrderRequest.postOnlyEntry(
            instrument,
            settings.tdMode(),
            trade.side(),
            trade.contracts(),
            trade.plannedEntry(),
            id,
            trade.stop(),
            trade.target());
  }

  private void submitEntry(String key, ClientOrderId id, boolean allowRetry) {
    TradeRecord trade = trade(key);
    OkxResult<OrderAck> result = ctx.placeWithRateLimitRetries(entryRequest(trade, id));
    result.call().expTime().ifPresent(t -> journal.setExpTime(id.value(), t));
    Instant now = clock.instant();
    switch (result) {
      case OkxResult.Ok<OrderAck> ok -> {
        journal.updateOrder(
            id.value(),
            OrderStatus.LIVE,
            "0",
            "accepted",
            ok.value().ordId(),
            Optional.empty(),
            now);
        crashPoints.reached(CrashPoints.ENTRY_ANSWERED);
        followEntry(key, id.value(), Optional.empty());
      }
      case OkxResult.Failed<OrderAck> failed -> {
        OkxError error = failed.error();
        switch (error.errorClass()) {
          case AMBIGUOUS -> {
            journal.updateOrder(
                id.value(),
                OrderStatus.SUBMITTED_UNKNOWN,
                error.code(),
                error.describe(),
                "",
                Optional.empty(),
                now);
            resolveEntry(key, id.value(), allowRetry, true);
          }
          case ADOPT_EXISTING -> {
            journal.updateOrder(
                id.value(),
                OrderStatus.SUBMITTED_UNKNOWN,
                error.code(),
                "an order with this clOrdId is already working: adopting it",
                "",
                Optional.empty(),
                now);
            resolveEntry(key, id.value(), false, false);
          }
          case TIMESTAMP_EXPIRED, FATAL -> {
            rejectEntry(key, id.value(), error);
            ctx.trip(1, "entry " + id + " refused: " + error.describe());
          }
          default -> rejectEntry(key, id.value(), error);
        }
      }
    }
  }

  private void rejectEntry(String key, String clOrdId, OkxError error) {
    Instant now = clock.instant();
    journal.updateOrder(
        clOrdId, OrderStatus.REJECTED, error.code(), error.describe(), "", Optional.empty(), now);
    journal.updateTrade(key, TradeStatus.SKIPPED, "entry rejected: " + error.describe(), now);
  }

  /**
   * Resolves an entry whose fate is unknown: wait until its expTime has passed on the server, then
   * query by clOrdId, then orders-pending and fills; only with proof that nothing exists is it
   * retried once with the next attempt digit.
   */
  private void resolveEntry(String key, String clOrdId, boolean allowRetry, boolean waitForExpiry) {
    OrderRecord order = journal.order(clOrdId).orElseThrow();
    TradeRecord trade = trade(key);
    if (waitForExpiry) {
      Instant expiry =
          order
              .expTime()
              .orElse(order.createdAt().plus(OkxClientConfig.DEFAULT_EXP_TIME_WINDOW))
              .plus(settings.expTimeMargin());
      Duration wait = Duration.between(client.serverClock().instant(), expiry);
      if (wait.isPositive()) {
        pause(wait);
      }
    }
    OkxResult<OrderDetails> query = client.order(trade.instId(), OrderRef.clOrdId(clOrdId));
    switch (query) {
      case OkxResult.Ok<OrderDetails> ok -> followEntry(key, clOrdId, Optional.of(ok.value()));
      case OkxResult.Failed<OrderDetails> failed
          when failed.error().errorClass() == OkxErrorClass.NOT_FOUND -> {
        EntrySearch search = findElsewhere(trade.instId(), clOrdId, order.createdAt());
        if (search.found().isPresent()) {
          followEntry(key, clOrdId, search.found());
          return;
        }
        if (!search.complete()) {
          log.warn("entry {} not proven absent: {}", clOrdId, search.detail());
          checkUnknownAge(order);
          return;
        }
        Instant now = clock.instant();
        journal.updateOrder(
            clOrdId,
            OrderStatus.EXPIRED_LOCAL,
            failed.error().code(),
            "not found after expTime; no pending order and no fill: proven absent",
            "",
            Optional.empty(),
            now);
        if (allowRetry && now.isBefore(trade.validUntil()) && journal.killSwitchLevel() == 0) {
          ClientOrderId next = new ClientOrderId(clOrdId).nextAttempt();
          journal.addOrder(entryIntent(trade, next, now));
          crashPoints.reached(CrashPoints.INTENT_COMMITTED);
          submitEntry(key, next, false);
        } else {
          journal.updateTrade(
              key,
              TradeStatus.SKIPPED,
              now.isBefore(trade.validUntil())
                  ? "entry never reached the exchange and its one retry is spent"
                  : "entry never reached the exchange and the signal expired at "
                      + trade.validUntil(),
              now);
        }
      }
      case OkxResult.Failed<OrderDetails> failed -> {
        log.warn("entry {} still unknown: {}", clOrdId, failed.error().describe());
        checkUnknownAge(order);
      }
    }
  }

  /**
   * Searches orders-pending and the fills of an instrument for an entry the order query did not
   * find, page by page back to the intent's time (less {@link #SEARCH_SLACK} for clock offsets), so
   * a busy account cannot hide it behind a full first page. A failed page, or more than {@link
   * #MAX_SEARCH_PAGES} pages inside the window, leaves the search incomplete: no proof of absence.
   */
  private EntrySearch findElsewhere(String instId, String clOrdId, Instant intentAt) {
    Instant windowStart = intentAt.minus(SEARCH_SLACK);
    String afterOrdId = "";
    for (int page = 0; ; page++) {
      if (page == MAX_SEARCH_PAGES) {
        return EntrySearch.incomplete("orders-pending has more than " + page + " pages");
      }
      OkxResult<List<OrderDetails>> result = client.ordersPendingBefore(SWAP, instId, afterOrdId);
      if (!(result instanceof OkxResult.Ok<List<OrderDetails>> ok)) {
        return EntrySearch.incomplete(
            "orders-pending failed: " + result.failure().orElseThrow().describe());
      }
      List<OrderDetails> rows = ok.value();
      for (OrderDetails order : rows) {
        if (order.clOrdId().equals(clOrdId)) {
          return new EntrySearch(Optional.of(order), true, "found in orders-pending");
        }
      }
      if (rows.size() < OkxClient.MAX_PAGE || rows.getLast().cTime().isBefore(windowStart)) {
        break;
      }
      afterOrdId = rows.getLast().ordId();
    }
    String afterBillId = "";
    for (int page = 0; ; page++) {
      if (page == MAX_SEARCH_PAGES) {
        return EntrySearch.incomplete("fills have more than " + page + " pages");
      }
      OkxResult<List<Fill>> result = client.fillsBefore(SWAP, instId, afterBillId);
      if (!(result instanceof OkxResult.Ok<List<Fill>> ok)) {
        return EntrySearch.incomplete("fills failed: " + result.failure().orElseThrow().describe());
      }
      List<Fill> rows = ok.value();
      for (Fill fill : rows) {
        if (fill.clOrdId().equals(clOrdId)) {
          Optional<OrderDetails> order = ctx.queryOrder(instId, OrderRef.ordId(fill.ordId()));
          return order.isPresent()
              ? new EntrySearch(order, true, "found by its fill " + fill.tradeId())
              : EntrySearch.incomplete(
                  "fill "
                      + fill.tradeId()
                      + " names order "
                      + fill.ordId()
                      + ", whose query failed");
        }
      }
      if (rows.size() < OkxClient.MAX_PAGE || rows.getLast().ts().isBefore(windowStart)) {
        return new EntrySearch(Optional.empty(), true, "no pending order and no fill");
      }
      afterBillId = rows.getLast().billId();
    }
  }

  /**
   * What the search beyond the order query found.
   *
   * @param found the entry, when found
   * @param complete true when every page of the window was read (absence is then proven)
   * @param detail what was read or what failed
   */
  private record EntrySearch(Optional<OrderDetails> found, boolean complete, String detail) {
    static EntrySearch incomplete(String detail) {
      return new EntrySearch(Optional.empty(), false, detail);
    }
  }

  private void checkUnknownAge(OrderRecord order) {
    if (clock.instant().isAfter(order.createdAt().plus(settings.unknownKillAfter()))) {
      ctx.trip(
          1,
          "order "
              + order.clOrdId()
              + " on "
              + order.instId()
              + " unknown for more than "
              + settings.unknownKillAfter().toSeconds()
              + " s");
    }
  }

  private void followEntry(String key, String clOrdId, Optional<OrderDetails> known) {
    TradeRecord trade = trade(key);
    Optional<OrderDetails> details =
        known.isPresent() ? known : ctx.queryOrder(trade.instId(), OrderRef.clOrdId(clOrdId));
    if (details.isEmpty()) {
      return;
    }
    OrderDetails d = details.get();
    if (trade.entryKind() == EntryKind.MARKET_NEXT_OPEN) {
      // A market order ends quickly; its unfilled remainder (price band) must not keep working.
      for (int poll = 0; !d.state().isTerminal() && poll < settings.marketPolls(); poll++) {
        pause(settings.marketPollInterval());
        d = ctx.queryOrder(trade.instId(), OrderRef.ordId(d.ordId())).orElse(d);
      }
      if (!d.state().isTerminal()) {
        d = cancelAndRead(trade.instId(), clOrdId).orElse(d);
      }
    }
    applyEntryState(key, clOrdId, d);
  }

  private void applyEntryState(String key, String clOrdId, OrderDetails d) {
    Instant now = clock.instant();
    TradeRecord trade = trade(key);
    journal.updateOrder(
        clOrdId,
        ExecutionContext.statusOf(d.state()),
        "",
        "exchange state "
            + d.state().wire()
            + (d.cancelSource().isEmpty() ? "" : " cancelSource " + d.cancelSource())
            + ", accFillSz "
            + d.accFillSz().toPlainString(),
        d.ordId(),
        Optional.of(d.accFillSz()),
        now);
    boolean filled = d.accFillSz().signum() > 0;
    if (filled) {
      journal.recordEntryFill(
          key, d.accFillSz(), d.avgPx().orElse(trade.plannedEntry()), d.cTime(), now);
      if (trade.status() == TradeStatus.ENTRY_WORKING) {
        journal.updateTrade(
            key,
            TradeStatus.OPEN_UNPROTECTED,
            "entry filled "
                + d.accFillSz().toPlainString()
                + " of "
                + trade.contracts().toPlainString(),
            now);
        crashPoints.reached(CrashPoints.ENTRY_FILLED);
      }
    }
    switch (d.state()) {
      case LIVE -> {
        // a resting limit entry: nothing to do until it fills
      }
      case PARTIALLY_FILLED -> {
        // First partial fill: cancel the rest, then protect what filled (section 15.8).
        Optional<OrderDetails> after = cancelAndRead(trade.instId(), clOrdId);
        if (after.isPresent() && after.get().state().isTerminal()) {
          applyEntryState(key, clOrdId, after.get());
        } else {
          ledger.importFills();
          protector.protect(key, Optional.of(d));
        }
      }
      case FILLED, CANCELED, MMP_CANCELED -> {
        if (!filled) {
          journal.updateTrade(
              key,
              TradeStatus.SKIPPED,
              "entry ended unfilled ("
                  + d.state().wire()
                  + (d.cancelSource().isEmpty() ? "" : ", cancelSource " + d.cancelSource())
                  + ")",
              now);
        } else {
          ledger.importFills();
          protector.protect(key, Optional.of(d));
        }
      }
    }
  }

  private Optional<OrderDetails> cancelAndRead(String instId, String clOrdId) {
    OkxResult<OrderAck> cancel = client.cancelOrder(instId, OrderRef.clOrdId(clOrdId));
    if (!cancel.isOk() && cancel.errorClass() != OkxErrorClass.QUERY) {
      log.warn("cancel of {} failed: {}", clOrdId, cancel.failure().orElseThrow().describe());
    }
    // sCode 0 only means accepted and 51400 means finished or absent: either way, read the order.
    return ctx.queryOrder(instId, OrderRef.clOrdId(clOrdId));
  }

  // ---- protection ----

  // ---- closing ----

  // ---- reconciliation ----

  /**
   * Reconciles the journal with the exchange (OKX-TRADING.md section 15.10): resolves every
   * non-terminal journaled order by its client id, closes trades whose position is gone, maps every
   * position to a trade (else journals an {@link TradeStatus#ORPHAN}), protects unprotected
   * positions, cancels our algos whose position is gone or belongs to an earlier trade, and imports
   * missed fills and funding bills once. Runs at startup and periodically.
   *
   * @return what still disagreed after the cycle acted
   */
  public ReconciliationReport reconcile() {
    return reconcile(true);
  }

  /**
   * Runs one reconciliation cycle (section 15.11). What still disagrees after the cycle acted (an
   * orphan position, a position without our stop, a size that differs from the trade's fills, a
   * live algo on a held instrument that is not the holding trade's) is journaled; the same mismatch
   * in two consecutive cycles trips kill switch level 1.
   *
   * @param importLedger true to also import fills and funding bills (less often than the rest)
   * @return what still disagreed after the cycle acted
   */
  public ReconciliationReport reconcile(boolean importLedger) {
    for (OrderRecord order : journal.orders()) {
      if (!order.status().isTerminal()) {
        reconcileOrder(order);
      }
    }
    OkxResult<List<Position>> positions = client.positions(SWAP, "");
    if (!(positions instanceof OkxResult.Ok<List<Position>> ok)) {
      alerts.alert(
          "reconciliation: positions failed: " + positions.failure().orElseThrow().describe());
      return ReconciliationReport.incomplete();
    }
    Map<String, BigDecimal> held = new HashMap<>();
    for (Position position : ok.value()) {
      if (position.pos().signum() != 0) {
        held.merge(position.instId(), position.pos(), BigDecimal::add);
      }
    }
    for (TradeRecord trade : journal.trades()) {
      if ((trade.status().hasPosition() || trade.status() == TradeStatus.ORPHAN)
          && !held.containsKey(trade.instId())) {
        closer.closeIfFlat(trade.tradeKey(), Optional.empty());
      }
    }
    for (Map.Entry<String, BigDecimal> position : held.entrySet()) {
      Optional<TradeRecord> trade = holder(position.getKey());
      Optional<TradeRecord> working = workingEntry(position.getKey());
      if (trade.isEmpty() && working.isPresent()) {
        // Our entry filled while its state could not be read (the query above failed): the
        // position is ours, not an orphan; the next cycle follows the entry and protects it.
        alerts.alert(
            position.getKey()
                + ": position "
                + position.getValue().toPlainString()
                + " while entry of trade "
                + working.get().tradeKey()
                + " could not be read; following it next cycle");
      } else if (trade.isEmpty()) {
        ok.value().stream()
            .filter(p -> p.instId().equals(position.getKey()) && p.pos().signum() != 0)
            .findFirst()
            .ifPresent(this::orphan);
      } else if (trade.get().status().hasPosition()) {
        protector.ensureProtected(trade.get(), position.getValue().abs());
      }
    }
    OkxResult<List<AlgoOrderDetails>> pendingAlgos = client.algosPending(TPSL_TYPES, SWAP, "");
    if (!(pendingAlgos instanceof OkxResult.Ok<List<AlgoOrderDetails>> live)) {
      alerts.alert(
          "reconciliation: algos failed: " + pendingAlgos.failure().orElseThrow().describe());
      return ReconciliationReport.incomplete();
    }
    List<AlgoOrderDetails> leftovers = new ArrayList<>();
    for (AlgoOrderDetails algo : live.value()) {
      Optional<ClientOrderId> ours = ClientOrderId.parse(algo.algoClOrdId());
      if (ours.isEmpty()) {
        continue;
      }
      if (!held.containsKey(algo.instId())) {
        alerts.alert(
            algo.instId()
                + ": our algo "
                + algo.algoClOrdId()
                + " is live without a position: cancelling it");
        leftovers.add(algo);
      } else if (holder(algo.instId())
          .filter(t -> !t.tradeKey().equals(ours.get().signalKey()))
          .isPresent()) {
        alerts.alert(
            algo.instId()
                + ": our algo "
                + algo.algoClOrdId()
                + " belongs to an earlier trade, not to the position's: cancelling it");
        leftovers.add(algo);
      }
    }
    algos.cancelAlgos(leftovers);
    if (importLedger) {
      ledger.importFills();
      ledger.importFunding();
      historyCheck.checkClosedTrades();
    }
    // The cycle may have closed, flattened or protected positions: judge what is left on a fresh
    // read, so a problem the cycle just fixed is not counted against the next cycle.
    ReconciliationReport report = ReconciliationReport.incomplete();
    OkxResult<List<Position>> after = client.positions(SWAP, "");
    if (after instanceof OkxResult.Ok<List<Position>> now) {
      Map<String, BigDecimal> still = new HashMap<>();
      for (Position position : now.value()) {
        if (position.pos().signum() != 0) {
          still.merge(position.instId(), position.pos(), BigDecimal::add);
        }
      }
      report = mismatches.observe(mismatches(still, live.value(), leftovers), clock.instant());
    } else {
      alerts.alert("reconciliation: positions failed: " + after.failure().orElseThrow().describe());
    }
    // a level raised by `trade stop` in another process reaches the running bot here
    int level = journal.killSwitchLevel();
    if (started && level > appliedKillLevel) {
      alerts.alert("kill switch level " + level + " found in the journal: applying it");
      applyKillSwitch(level);
    }
    return report;
  }

  /** What still disagrees once the cycle acted; read from the journal as it is now. */
  private List<ReconciliationMismatch> mismatches(
      Map<String, BigDecimal> held,
      List<AlgoOrderDetails> liveAlgos,
      List<AlgoOrderDetails> cancelled) {
    List<ReconciliationMismatch> found = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> position : held.entrySet()) {
      String instId = position.getKey();
      BigDecimal pos = position.getValue();
      Optional<TradeRecord> trade = holder(instId);
      Optional<TradeRecord> working = workingEntry(instId);
      if (trade.isEmpty() && working.isPresent()) {
        found.add(
            new ReconciliationMismatch(
                MismatchKind.UNPROTECTED_POSITION,
                instId,
                "position "
                    + pos.toPlainString()
                    + " while the entry of trade "
                    + working.get().tradeKey()
                    + " is still ENTRY_WORKING in the journal (no stop read back)"));
        continue;
      }
      if (trade.isEmpty() || trade.get().status() == TradeStatus.ORPHAN) {
        found.add(
            new ReconciliationMismatch(
                MismatchKind.ORPHAN_POSITION,
                instId,
                "position " + pos.toPlainString() + " is not explained by any journaled trade"));
        continue;
      }
      TradeRecord t = trade.get();
      if (t.status() != TradeStatus.OPEN_PROTECTED) {
        found.add(
            new ReconciliationMismatch(
                MismatchKind.UNPROTECTED_POSITION,
                instId,
                "position "
                    + pos.toPlainString()
                    + " of trade "
                    + t.tradeKey()
                    + " is "
                    + t.status()
                    + " (no stop read back)"));
      }
      BigDecimal expected = t.side() == Side.LONG ? t.filledSz() : t.filledSz().negate();
      if (t.status().hasPosition() && pos.compareTo(expected) != 0) {
        found.add(
            new ReconciliationMismatch(
                MismatchKind.SIZE_MISMATCH,
                instId,
                "exchange position "
                    + pos.toPlainString()
                    + " but trade "
                    + t.tradeKey()
                    + " filled "
                    + expected.toPlainString()));
      }
      for (AlgoOrderDetails algo : liveAlgos) {
        boolean holders =
            ClientOrderId.parse(algo.algoClOrdId())
                .map(id -> id.signalKey().equals(t.tradeKey()))
                .orElse(false);
        if (algo.instId().equals(instId) && !holders && !cancelled.contains(algo)) {
          found.add(
              new ReconciliationMismatch(
                  MismatchKind.UNKNOWN_ALGO,
                  instId,
                  "live algo "
                      + algo.algoId()
                      + " ('"
                      + algo.algoClOrdId()
                      + "') is not an order of trade "
                      + t.tradeKey()));
        }
      }
    }
    return found;
  }

  /** The trade holding (or orphaned on) a symbol's position, if any. */
  private Optional<TradeRecord> holder(String instId) {
    return journal.trades().stream()
        .filter(t -> t.instId().equals(instId))
        .filter(t -> t.status().hasPosition() || t.status() == TradeStatus.ORPHAN)
        .findFirst();
  }

  /** The trade whose entry is (or may be) working on a symbol, if any. */
  private Optional<TradeRecord> workingEntry(String instId) {
    return journal.trades().stream()
        .filter(t -> t.instId().equals(instId))
        .filter(t -> t.status() == TradeStatus.ENTRY_WORKING)
        .findFirst();
  }

  /** Runs one full periodic reconciliation (the same work as at startup). */
  public void poll() {
    reconcile(true);
  }

  private void reconcileOrder(OrderRecord order) {
    TradeRecord trade = trade(order.tradeKey());
    switch (order.role()) {
      case "E" -> {
        switch (order.status()) {
          case PENDING_SUBMIT, SUBMITTED_UNKNOWN ->
              resolveEntry(
                  order.tradeKey(),
                  order.clOrdId(),
                  new ClientOrderId(order.clOrdId()).attempt() == 1
                      && trade.status() == TradeStatus.ENTRY_WORKING,
                  true);
          default ->
              ctx.queryOrder(order.instId(), OrderRef.clOrdId(order.clOrdId()))
                  .ifPresent(d -> applyEntryState(order.tradeKey(), order.clOrdId(), d));
        }
      }
      case "A", "P" -> {
        Optional<AlgoOrderDetails> back = algos.readAlgo(order.clOrdId());
        if (back.isPresent()) {
          journal.updateOrder(
              order.clOrdId(),
              AlgoBook.algoStatus(back.get().state()),
              back.get().failCode(),
              "read back " + back.get().state().wire(),
              back.get().algoId(),
              Optional.empty(),
              clock.instant());
        } else if (order.status() != OrderStatus.LIVE) {
          journal.updateOrder(
              order.clOrdId(),
              OrderStatus.EXPIRED_LOCAL,
              "",
              "algo not found by algoClOrdId: never placed",
              "",
              Optional.empty(),
              clock.instant());
        }
      }
      default ->
          ctx.queryOrder(order.instId(), OrderRef.clOrdId(order.clOrdId()))
              .ifPresentOrElse(
                  d ->
                      journal.updateOrder(
                          order.clOrdId(),
                          ExecutionContext.statusOf(d.state()),
                          "",
                          "exchange state " + d.state().wire(),
                          d.ordId(),
                          Optional.of(d.accFillSz()),
                          clock.instant()),
                  () -> checkUnknownAge(order));
    }
  }

  private void orphan(Position position) {
    String signalId = "orphan:" + position.instId() + ":" + position.posId();
    String key = ClientOrderId.signalKey(signalId);
    if (journal.trade(key).isPresent()) {
      return;
    }
    Instant now = clock.instant();
    BigDecimal px = position.avgPx().orElse(BigDecimal.ONE);
    OkxInstrument instrument = instruments.get(position.instId());
    BigDecimal contractValue =
        instrument == null ? BigDecimal.ONE : instrument.ctVal().multiply(instrument.ctMult());
    journal.addTrade(
        new TradeRecord(
            key,
            signalId,
            position.instId(),
            position.pos().signum() > 0 ? Side.LONG : Side.SHORT,
            EntryKind.MARKET_NEXT_OPEN,
            px,
            px,
            px,
            position.pos().abs(),
            contractValue,
            BigDecimal.ZERO,
            now,
            TradeStatus.ORPHAN,
            "position the journal does not know",
            position.pos().abs(),
            Optional.of(px),
            Optional.of(position.cTime()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            now));
    alerts.alert(
        "ORPHAN: "
            + position.instId()
            + " position "
            + position.pos().toPlainString()
            + " at "
            + px.toPlainString()
            + " is not in the journal; policy "
            + settings.orphanPolicy());
    if (settings.orphanPolicy() == OrphanPolicy.FLATTEN && instrument != null) {
      closer.closeAtMarket(key, "orphan position flattened", "ORPHAN_FLATTENED");
    } else {
      ctx.trip(1, "orphan position on " + position.instId());
    }
  }

  // ---- kill switch ----

  /**
   * Trips the kill switch and acts on it: level 1 refuses new entries; level 2 also cancels our
   * pending entries; level 3 also cancels our algos and closes every position with reduce-only
   * market orders, then checks that the account is flat. Persisted until a human clears it.
   *
   * @param level 1, 2 or 3
   * @param reason why
   * @return true when, after acting, no position of a configured instrument is open
   */
  public boolean killSwitch(int level, String reason) {
    ctx.trip(level, reason);
    return applyKillSwitch(level);
  }

  private boolean applyKillSwitch(int level) {
    appliedKillLevel = Math.max(appliedKillLevel, level);
    if (level >= 2) {
      for (TradeRecord trade : journal.trades()) {
        if (trade.status() == TradeStatus.ENTRY_WORKING) {
          cancelEntry(trade.tradeKey(), "kill switch level " + level);
        }
      }
    }
    if (level >= 3) {
      for (TradeRecord trade : journal.trades()) {
        if (trade.status().hasPosition() || trade.status() == TradeStatus.ORPHAN) {
          closer.closeAtMarket(trade.tradeKey(), "kill switch level 3", "KILL_SWITCH");
        }
      }
    }
    return isFlat();
  }

  /**
   * Tells whether the exchange reports no open position on any configured instrument.
   *
   * @return true when flat; false when a position is open or the query failed
   */
  public boolean isFlat() {
    OkxResult<List<Position>> result = client.positions(SWAP, "");
    return result instanceof OkxResult.Ok<List<Position>> ok
        && ok.value().stream()
            .filter(p -> instruments.containsKey(p.instId()))
            .allMatch(p -> p.pos().signum() == 0);
  }

  // ---- helpers ----

  private TradeRecord trade(String key) {
    return ctx.trade(key);
  }

  private OkxInstrument instrument(String instId) {
    return ctx.instrument(instId);
  }

  private void pause(Duration duration) {
    ctx.pause(duration);
  }

  private static String wire(String enumName) {
    return ExecutionContext.wire(enumName);
  }
}
