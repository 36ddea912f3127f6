package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;
import org.smc4j.exchange.okx.model.AlgoAck;
import org.smc4j.exchange.okx.model.AlgoOrderDetails;
import org.smc4j.exchange.okx.model.AlgoOrderRequest;
import org.smc4j.exchange.okx.model.AlgoOrderType;
import org.smc4j.exchange.okx.model.AttachedAlgo;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Keeps the protection invariant (design section 15.7): every open position has a live stop of its
 * size read back from the exchange within the unprotected deadline. The entry's attached TP/SL is
 * read back; otherwise a reduce-only {@code oco} for the filled size is placed (write-ahead intent,
 * backoff on rate limits, counted only after reading it back); a stop already through the market
 * closes at market; no confirmed stop within the deadline flattens the symbol.
 */
final class PositionProtector {

  private static final Logger log = LoggerFactory.getLogger(PositionProtector.class);
  private static final String SWAP = "SWAP";
  private static final List<AlgoOrderType> TPSL_TYPES =
      List.of(AlgoOrderType.CONDITIONAL, AlgoOrderType.OCO);

  private final ExecutionContext ctx;
  private final OkxClient client;
  private final ExecutionJournal journal;
  private final ExecutionSettings settings;
  private final InstantSource clock;
  private final ExecutionAlerts alerts;
  private final CrashPoints crashPoints;
  private final RandomGenerator random;
  private final AlgoBook algos;
  private final PositionCloser closer;

  PositionProtector(ExecutionContext ctx, AlgoBook algos, PositionCloser closer) {
    this.ctx = ctx;
    this.client = ctx.client();
    this.journal = ctx.journal();
    this.settings = ctx.settings();
    this.clock = ctx.clock();
    this.alerts = ctx.alerts();
    this.crashPoints = ctx.crashPoints();
    this.random = ctx.random();
    this.algos = algos;
    this.closer = closer;
  }

  void protect(String key, Optional<OrderDetails> entry) {
    TradeRecord trade = trade(key);
    BigDecimal need = trade.filledSz();
    if (need.signum() <= 0 || !trade.status().hasPosition()) {
      return;
    }
    Instant now = clock.instant();
    if (entry.isPresent()) {
      ClientOrderId attached =
          new ClientOrderId(entry.get().clOrdId()).withRole(OrderRole.ATTACHED_ALGO);
      Optional<AttachedAlgo> attachment = entry.get().attachAlgoOrds().stream().findFirst();
      if (attachment.isPresent() && attachment.get().failed()) {
        alerts.alert(
            trade.instId()
                + ": attached TP/SL of "
                + entry.get().clOrdId()
                + " was not created (failCode "
                + attachment.get().failCode()
                + "): placing a protective oco");
        journalAlgo(
            trade,
            attached.value(),
            "A",
            need,
            OrderStatus.REJECTED,
            attachment.get().failCode(),
            "");
      } else {
        Optional<AlgoOrderDetails> back = algos.readAlgo(attached.value());
        if (back.isPresent() && AlgoBook.covers(back.get(), need)) {
          journalAlgo(
              trade, attached.value(), "A", need, OrderStatus.LIVE, "", back.get().algoId());
          markProtected(key, "attached TP/SL " + attached + " read back live");
          return;
        }
      }
    }
    for (OrderRecord order : journal.ordersOf(key)) {
      if ((order.role().equals("P") || order.role().equals("A"))
          && order.status() == OrderStatus.LIVE) {
        Optional<AlgoOrderDetails> back = algos.readAlgo(order.clOrdId());
        if (back.isPresent() && AlgoBook.covers(back.get(), need)) {
          markProtected(key, "algo " + order.clOrdId() + " read back live");
          return;
        }
      }
    }
    log.info("{}: {} contracts of {} need a protective oco at {}", trade.instId(), need, key, now);
    placeProtective(key, need);
  }

  void journalAlgo(
      TradeRecord trade,
      String clOrdId,
      String role,
      BigDecimal sz,
      OrderStatus status,
      String code,
      String algoId) {
    Instant now = clock.instant();
    if (journal.order(clOrdId).isEmpty()) {
      journal.addOrder(
          OrderRecord.intent(
              clOrdId,
              trade.tradeKey(),
              role,
              trade.instId(),
              wire(trade.side().exitAction().name()),
              AlgoOrderType.OCO.wire(),
              sz,
              Optional.empty(),
              Optional.of(trade.stop()),
              Optional.of(trade.target()),
              true,
              Optional.empty(),
              now));
    }
    journal.updateOrder(clOrdId, status, code, "read back", algoId, Optional.empty(), now);
  }

  void placeProtective(String key, BigDecimal need) {
    TradeRecord trade = trade(key);
    OkxInstrument instrument = instrument(trade.instId());
    long previous = journal.ordersOf(key).stream().filter(o -> o.role().equals("P")).count();
    if (previous >= 9) {
      closer.flatten(key, "protective algo attempts exhausted for " + trade.instId());
      return;
    }
    ClientOrderId pid = new ClientOrderId(key + "P" + (previous + 1));
    Instant now = clock.instant();
    journal.addOrder(
        OrderRecord.intent(
            pid.value(),
            key,
            "P",
            trade.instId(),
            wire(trade.side().exitAction().name()),
            AlgoOrderType.OCO.wire(),
            need,
            Optional.empty(),
            Optional.of(trade.stop()),
            Optional.of(trade.target()),
            true,
            Optional.empty(),
            now));
    if (trade.unprotectedSince().isEmpty()) {
      journal.setUnprotectedSince(key, Optional.of(now));
    }
    crashPoints.reached(CrashPoints.PROTECTION_COMMITTED);
    AlgoOrderRequest request =
        AlgoOrderRequest.protectiveOco(
            instrument, settings.tdMode(), trade.side(), need, pid, trade.stop(), trade.target());
    int attempt = 0;
    while (true) {
      if (pastDeadline(key)) {
        journal.updateOrder(
            pid.value(),
            OrderStatus.EXPIRED_LOCAL,
            "",
            "no confirmed stop within the deadline",
            "",
            Optional.empty(),
            clock.instant());
        closer.flatten(
            key,
            trade.instId()
                + " unprotected for more than "
                + settings.unprotectedDeadline().toSeconds()
                + " s: kill switch level 3 for this symbol, closing at market");
        return;
      }
      OkxResult<AlgoAck> result = client.placeAlgo(request);
      OkxErrorClass kind = result.errorClass();
      String code = result.failure().map(OkxError::code).orElse("0");
      String message = result.failure().map(OkxError::describe).orElse("accepted");
      if (kind == OkxErrorClass.OK
          || kind == OkxErrorClass.AMBIGUOUS
          || kind == OkxErrorClass.ADOPT_EXISTING) {
        String algoId = result instanceof OkxResult.Ok<AlgoAck> ok ? ok.value().algoId() : "";
        journal.updateOrder(
            pid.value(),
            OrderStatus.SUBMITTED_UNKNOWN,
            code,
            message + "; counted only after reading it back",
            algoId,
            Optional.empty(),
            clock.instant());
        Optional<AlgoOrderDetails> back = algos.readAlgo(pid.value());
        if (back.isPresent() && AlgoBook.covers(back.get(), need)) {
          journal.updateOrder(
              pid.value(),
              OrderStatus.LIVE,
              "",
              "read back live",
              back.get().algoId(),
              Optional.empty(),
              clock.instant());
          markProtected(key, "protective oco " + pid + " read back live");
          return;
        }
        if (back.isPresent()) {
          journal.updateOrder(
              pid.value(),
              AlgoBook.algoStatus(back.get().state()),
              back.get().failCode(),
              "read back " + back.get().state().wire(),
              back.get().algoId(),
              Optional.empty(),
              clock.instant());
          return;
        }
        // not found by algoClOrdId: proof the placement did not happen, same id may be resent
        attempt++;
        pause(settings.backoff().delay(attempt, random));
        continue;
      }
      switch (kind) {
        case RATE_LIMITED, NOT_SENT -> {
          attempt++;
          pause(settings.backoff().delay(attempt, random));
        }
        case STOP_CROSSED -> {
          journal.updateOrder(
              pid.value(),
              OrderStatus.REJECTED,
              code,
              message,
              "",
              Optional.empty(),
              clock.instant());
          closer.closeAtMarket(
              key,
              "stop already through the market (" + code + "): closed at market as a stop-out",
              "STOP");
          return;
        }
        case POSITION_GONE -> {
          journal.updateOrder(
              pid.value(),
              OrderStatus.REJECTED,
              code,
              message,
              "",
              Optional.empty(),
              clock.instant());
          return;
        }
        default -> {
          journal.updateOrder(
              pid.value(),
              OrderStatus.REJECTED,
              code,
              message,
              "",
              Optional.empty(),
              clock.instant());
          if (kind == OkxErrorClass.FATAL || kind == OkxErrorClass.TIMESTAMP_EXPIRED) {
            ctx.trip(1, "protective algo of " + trade.instId() + " refused: " + message);
          }
          closer.flatten(key, "protective oco refused (" + message + "): closing at market");
          return;
        }
      }
    }
  }

  boolean pastDeadline(String key) {
    return trade(key)
        .unprotectedSince()
        .map(since -> clock.instant().isAfter(since.plus(settings.unprotectedDeadline())))
        .orElse(false);
  }

  void markProtected(String key, String reason) {
    journal.updateTrade(key, TradeStatus.OPEN_PROTECTED, reason, clock.instant());
    journal.setUnprotectedSince(key, Optional.empty());
  }

  void ensureProtected(TradeRecord trade, BigDecimal size) {
    OkxResult<List<AlgoOrderDetails>> pending =
        client.algosPending(TPSL_TYPES, SWAP, trade.instId());
    if (!(pending instanceof OkxResult.Ok<List<AlgoOrderDetails>> ok)) {
      return;
    }
    Optional<AlgoOrderDetails> cover =
        ok.value().stream()
            .filter(a -> a.instId().equals(trade.instId()))
            .filter(
                a ->
                    ClientOrderId.parse(a.algoClOrdId())
                        .map(id -> id.signalKey().equals(trade.tradeKey()))
                        .orElse(false))
            .filter(a -> AlgoBook.covers(a, size))
            .findFirst();
    if (cover.isPresent()) {
      AlgoOrderDetails algo = cover.get();
      if (journal.order(algo.algoClOrdId()).isEmpty()) {
        // e.g. the attached stop of an entry whose fill a crash kept from being followed
        journalAlgo(
            trade,
            algo.algoClOrdId(),
            String.valueOf(new ClientOrderId(algo.algoClOrdId()).role().letter()),
            size,
            OrderStatus.LIVE,
            "",
            algo.algoId());
      }
      if (trade.status() != TradeStatus.OPEN_PROTECTED) {
        markProtected(trade.tradeKey(), "algo " + algo.algoClOrdId() + " found live");
      }
      return;
    }
    alerts.alert(
        trade.instId()
            + ": position "
            + size.toPlainString()
            + " of trade "
            + trade.tradeKey()
            + " has no live stop on the exchange: placing a protective oco");
    Instant now = clock.instant();
    if (trade.status() == TradeStatus.OPEN_PROTECTED) {
      journal.updateTrade(
          trade.tradeKey(),
          TradeStatus.OPEN_UNPROTECTED,
          "no live stop found on the exchange",
          now);
    }
    if (trade(trade.tradeKey()).unprotectedSince().isEmpty()) {
      journal.setUnprotectedSince(trade.tradeKey(), Optional.of(now));
    }
    placeProtective(trade.tradeKey(), size);
  }

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
