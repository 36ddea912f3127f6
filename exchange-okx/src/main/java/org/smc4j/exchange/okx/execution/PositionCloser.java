package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderAck;
import org.smc4j.exchange.okx.model.OrderRef;
import org.smc4j.exchange.okx.model.OrderType;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.exchange.okx.model.PositionSide;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.FillRecord;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Closes positions and trades (design section 15.9): cancel our algos for the symbol first, then a
 * reduce-only market order for what the exchange reports, then the trade is closed from its fills
 * and funding once the exchange shows it flat, and a last sweep cancels leftover algos.
 */
final class PositionCloser {

  private final ExecutionContext ctx;
  private final OkxClient client;
  private final ExecutionJournal journal;
  private final ExecutionSettings settings;
  private final InstantSource clock;
  private final ExecutionAlerts alerts;
  private final AlgoBook algos;
  private final LedgerImporter ledger;

  PositionCloser(ExecutionContext ctx, AlgoBook algos, LedgerImporter ledger) {
    this.ctx = ctx;
    this.client = ctx.client();
    this.journal = ctx.journal();
    this.settings = ctx.settings();
    this.clock = ctx.clock();
    this.alerts = ctx.alerts();
    this.algos = algos;
    this.ledger = ledger;
  }

  void flatten(String key, String reason) {
    alerts.alert(reason);
    closeAtMarket(key, reason, "FLATTENED");
  }

  /**
   * Closes a trade's position: our algos for the symbol are cancelled first, then a reduce-only
   * market order closes what the exchange reports, then the trade is closed from its fills.
   */
  void closeAtMarket(String key, String reason, String exitReason) {
    TradeRecord trade = trade(key);
    Instant now = clock.instant();
    journal.updateTrade(key, TradeStatus.CLOSING, reason, now);
    algos.cancelOurAlgos(trade.instId());
    Optional<BigDecimal> position = ctx.positionSize(trade.instId());
    if (position.isEmpty()) {
      alerts.alert(trade.instId() + ": position unknown while closing " + key + "; will retry");
      return;
    }
    if (position.get().signum() != 0) {
      OkxInstrument instrument = instrument(trade.instId());
      Side held = position.get().signum() > 0 ? Side.LONG : Side.SHORT;
      BigDecimal sz = position.get().abs().min(instrument.maxMktSz());
      long previous = journal.ordersOf(key).stream().filter(o -> o.role().equals("X")).count();
      ClientOrderId xid = new ClientOrderId(key + "X" + Math.min(previous + 1, 9));
      if (journal.order(xid.value()).isEmpty()) {
        journal.addOrder(
            OrderRecord.intent(
                xid.value(),
                key,
                "X",
                trade.instId(),
                wire(held.exitAction().name()),
                OrderType.MARKET.wire(),
                sz,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.of(
                    client.serverClock().instant().plus(OkxClientConfig.DEFAULT_EXP_TIME_WINDOW)),
                now));
        ctx.crashPoints().reached(CrashPoints.CLOSE_COMMITTED);
      }
      PlaceOrderRequest close =
          new PlaceOrderRequest(
              instrument,
              settings.tdMode(),
              held.exitAction(),
              PositionSide.NET,
              OrderType.MARKET,
              sz,
              Optional.empty(),
              true,
              xid,
              ClientOrderId.TAG,
              Optional.empty());
      OkxResult<OrderAck> result = ctx.placeWithRateLimitRetries(close);
      result.call().expTime().ifPresent(t -> journal.setExpTime(xid.value(), t));
      if (result.isOk() || result.errorClass() == OkxErrorClass.AMBIGUOUS) {
        if (!result.isOk()) {
          journal.updateOrder(
              xid.value(),
              OrderStatus.SUBMITTED_UNKNOWN,
              result.failure().orElseThrow().code(),
              result.failure().orElseThrow().describe(),
              "",
              Optional.empty(),
              clock.instant());
          Instant expiry =
              result
                  .call()
                  .expTime()
                  .orElse(client.serverClock().instant())
                  .plus(settings.expTimeMargin());
          Duration wait = Duration.between(client.serverClock().instant(), expiry);
          if (wait.isPositive()) {
            pause(wait);
          }
        }
        ctx.queryOrder(trade.instId(), OrderRef.clOrdId(xid.value()))
            .ifPresent(
                d ->
                    journal.updateOrder(
                        xid.value(),
                        ExecutionContext.statusOf(d.state()),
                        result.isOk() ? "0" : "",
                        "exchange state " + d.state().wire(),
                        d.ordId(),
                        Optional.of(d.accFillSz()),
                        clock.instant()));
      } else {
        OkxError error = result.failure().orElseThrow();
        journal.updateOrder(
            xid.value(),
            OrderStatus.REJECTED,
            error.code(),
            error.describe(),
            "",
            Optional.empty(),
            clock.instant());
        alerts.alert(trade.instId() + ": close of " + key + " failed: " + error.describe());
      }
    }
    closeIfFlat(key, Optional.of(exitReason));
  }

  boolean closeIfFlat(String key, Optional<String> exitReason) {
    TradeRecord trade = trade(key);
    Optional<BigDecimal> position = ctx.positionSize(trade.instId());
    if (position.isEmpty() || position.get().signum() != 0) {
      return false;
    }
    ledger.importFills();
    String entrySide = wire(trade.side().entryAction().name());
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal exitNotional = BigDecimal.ZERO;
    BigDecimal exitSize = BigDecimal.ZERO;
    Instant closedAt = clock.instant();
    boolean liquidated = false;
    for (FillRecord fill : journal.fills()) {
      if (!fill.tradeKey().equals(key)) {
        continue;
      }
      gross = gross.add(fill.fillPnl());
      fees = fees.subtract(fill.fee());
      if (!fill.side().equals(entrySide)) {
        exitNotional = exitNotional.add(fill.fillPx().multiply(fill.fillSz()));
        exitSize = exitSize.add(fill.fillSz());
        closedAt = fill.fillTime();
        liquidated |= fill.liquidationOrAdl();
      }
    }
    BigDecimal funding = ledger.fundingOf(key);
    BigDecimal exitPx =
        exitSize.signum() > 0
            ? exitNotional.divide(exitSize, 10, RoundingMode.HALF_EVEN).stripTrailingZeros()
            : trade.entryPx().orElse(trade.plannedEntry());
    String reason =
        liquidated ? "LIQUIDATION_OR_ADL" : exitReason.orElseGet(() -> algos.algoExitReason(trade));
    journal.closeTrade(
        key, TradeResult.of(exitPx, reason, gross, fees, funding, trade.plannedRisk()), closedAt);
    algos.settleAlgos(trade);
    // after any close, sweep for our leftover algos on the symbol (section 15.9)
    algos.cancelOurAlgos(trade.instId());
    alerts.alert(trade.instId() + ": trade " + key + " closed (" + reason + ")");
    return true;
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
