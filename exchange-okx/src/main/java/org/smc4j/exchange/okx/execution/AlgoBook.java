package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.AlgoCancel;
import org.smc4j.exchange.okx.model.AlgoOrderDetails;
import org.smc4j.exchange.okx.model.AlgoOrderType;
import org.smc4j.exchange.okx.model.AlgoRef;
import org.smc4j.exchange.okx.model.AlgoState;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;

/**
 * Our TP/SL algo orders on the exchange: read back by {@code algoClOrdId}, whether one covers a
 * position, how a triggered one ended a trade, and cancelling ours (design section 15.9: every
 * closing path cancels our algos for the symbol, and a sweep after any close catches leftovers).
 */
final class AlgoBook {

  private static final Logger log = LoggerFactory.getLogger(AlgoBook.class);
  private static final String SWAP = "SWAP";
  private static final List<AlgoOrderType> TPSL_TYPES =
      List.of(AlgoOrderType.CONDITIONAL, AlgoOrderType.OCO);

  private final ExecutionContext ctx;
  private final OkxClient client;
  private final ExecutionJournal journal;
  private final InstantSource clock;

  AlgoBook(ExecutionContext ctx) {
    this.ctx = ctx;
    this.client = ctx.client();
    this.journal = ctx.journal();
    this.clock = ctx.clock();
  }

  Optional<AlgoOrderDetails> readAlgo(String algoClOrdId) {
    OkxResult<AlgoOrderDetails> result = client.algo(AlgoRef.algoClOrdId(algoClOrdId));
    return result instanceof OkxResult.Ok<AlgoOrderDetails> ok
        ? Optional.of(ok.value())
        : Optional.empty();
  }

  static boolean covers(AlgoOrderDetails algo, BigDecimal need) {
    return (algo.state() == AlgoState.LIVE || algo.state() == AlgoState.PAUSE)
        && algo.slTriggerPx().isPresent()
        && algo.sz().map(sz -> sz.compareTo(need) >= 0).orElse(true);
  }

  static OrderStatus algoStatus(AlgoState state) {
    return switch (state) {
      case LIVE, PAUSE -> OrderStatus.LIVE;
      case PARTIALLY_EFFECTIVE -> OrderStatus.PARTIALLY_FILLED;
      case EFFECTIVE -> OrderStatus.FILLED;
      case CANCELED -> OrderStatus.CANCELED;
      case ORDER_FAILED, PARTIALLY_FAILED -> OrderStatus.REJECTED;
    };
  }

  String algoExitReason(TradeRecord trade) {
    for (OrderRecord order : journal.ordersOf(trade.tradeKey())) {
      if (order.role().equals("A") || order.role().equals("P")) {
        Optional<AlgoOrderDetails> back = readAlgo(order.clOrdId());
        if (back.isPresent() && back.get().state() == AlgoState.EFFECTIVE) {
          return back.get().actualSide().equals("tp") ? "TARGET" : "STOP";
        }
      }
    }
    return "EXTERNAL_CLOSE";
  }

  void settleAlgos(TradeRecord trade) {
    for (OrderRecord order : journal.ordersOf(trade.tradeKey())) {
      if ((order.role().equals("A") || order.role().equals("P")) && !order.status().isTerminal()) {
        readAlgo(order.clOrdId())
            .ifPresent(
                back ->
                    journal.updateOrder(
                        order.clOrdId(),
                        algoStatus(back.state()),
                        back.failCode(),
                        "read back " + back.state().wire() + " " + back.actualSide(),
                        back.algoId(),
                        Optional.empty(),
                        clock.instant()));
      }
    }
  }

  void cancelOurAlgos(String instId) {
    OkxResult<List<AlgoOrderDetails>> pending = client.algosPending(TPSL_TYPES, SWAP, instId);
    if (!(pending instanceof OkxResult.Ok<List<AlgoOrderDetails>> ok)) {
      log.warn("{}: algos-pending failed: {}", instId, pending.failure().orElseThrow().describe());
      return;
    }
    cancelAlgos(
        ok.value().stream()
            .filter(a -> a.instId().equals(instId))
            .filter(a -> ClientOrderId.parse(a.algoClOrdId()).isPresent())
            .toList());
  }

  void cancelAlgos(List<AlgoOrderDetails> algos) {
    for (int from = 0; from < algos.size(); from += 10) {
      List<AlgoOrderDetails> batch = algos.subList(from, Math.min(from + 10, algos.size()));
      Map<String, List<AlgoCancel>> byInstrument = new HashMap<>();
      for (AlgoOrderDetails algo : batch) {
        byInstrument
            .computeIfAbsent(algo.instId(), k -> new ArrayList<>())
            .add(new AlgoCancel(algo.instId(), AlgoRef.algoId(algo.algoId())));
      }
      for (List<AlgoCancel> cancels : byInstrument.values()) {
        OkxResult<?> result = client.cancelAlgos(cancels);
        result.failure().ifPresent(e -> log.warn("cancel-algos failed: {}", e.describe()));
      }
      for (AlgoOrderDetails algo : batch) {
        log.info(
            "{}: cancelled our algo {} ({})", algo.instId(), algo.algoClOrdId(), algo.algoId());
        journal
            .order(algo.algoClOrdId())
            .filter(o -> !o.status().isTerminal())
            .ifPresent(
                o ->
                    journal.updateOrder(
                        o.clOrdId(),
                        OrderStatus.CANCELED,
                        "",
                        "cancelled by the bot",
                        algo.algoId(),
                        Optional.empty(),
                        clock.instant()));
      }
    }
  }
}
