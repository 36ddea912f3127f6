package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;
import org.smc4j.exchange.okx.model.AlgoCancel;
import org.smc4j.exchange.okx.model.AlgoRef;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;

/** OKX-TRADING.md section 16, scenarios 5, 6, 7 and 15: startup and periodic reconciliation. */
class ReconciliationScenarioTest {

  private static final String BTC = ExecutorHarness.BTC_ID;
  private static final String ETH = ExecutorHarness.ETH_ID;

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private static String key(String signalId) {
    return ClientOrderId.signalKey(signalId);
  }

  @Test
  void scenario05RestartWithAProtectedTradeButNoAlgoOnTheExchangePlacesAnOcoAndAlerts() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-5");
    h.executor.enter(h.marketLong("sig-5"));
    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    h.client.cancelAlgos(List.of(new AlgoCancel(BTC, AlgoRef.algoClOrdId(k + "A1")))).orElseThrow();

    h.restart();

    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.order(k + "A1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(h.journal.order(k + "P1").orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.algoClOrdId()).isEqualTo(k + "P1");
              assertThat(a.ordType()).isEqualTo("oco");
              assertThat(a.cxlOnClosePos()).isTrue();
              assertThat(a.reduceOnly()).isTrue();
              assertThat(a.sz()).isEqualByComparingTo("0.13");
            });
    assertThat(h.alerts).anyMatch(a -> a.contains("has no live stop on the exchange"));
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.13"));
  }

  @Test
  void scenario06RestartWithAnUnknownPositionJournalsAnOrphanAlertsAndStops() {
    h = ExecutorHarness.start(dir);
    h.server.exchange().putPosition(ETH, new BigDecimal("2"), new BigDecimal("3500"));

    h.startExecutor();

    TradeRecord orphan =
        h.journal.trades().stream()
            .filter(t -> t.status() == TradeStatus.ORPHAN)
            .findFirst()
            .orElseThrow();
    assertThat(orphan.instId()).isEqualTo(ETH);
    assertThat(orphan.filledSz()).isEqualByComparingTo("2");
    assertThat(h.alerts).anyMatch(a -> a.startsWith("ORPHAN: " + ETH));
    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
    // tripped by this start-up, not by an earlier run
    assertThat(h.alerts).noneMatch(a -> a.contains("from an earlier run"));
    assertThat(h.journal.dailyLoss(LocalDate.ofInstant(h.now.get(), ZoneOffset.UTC)).openTrades())
        .isEqualTo(1);
    TradeRecord refused = h.executor.enter(h.marketLong("sig-6"));
    assertThat(refused.status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(refused.reason()).contains("kill switch level 1");
    assertThat(h.position(ETH)).isEqualByComparingTo("2");
    assertThat(h.server.requests("POST", "/api/v5/trade/order")).isEmpty();
  }

  @Test
  void aKillSwitchTrippedBeforeTheRestartIsAlertedAtStart() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.journal.tripKillSwitch(1, "trade stop (level 1)", h.now.get());
    h.alerts.clear();

    h.restart();

    assertThat(h.alerts)
        .containsOnlyOnce("kill switch level 1 is still tripped from an earlier run");
    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
  }

  @Test
  void scenario06OrphanIsFlattenedWhenTheSettingSaysSo() {
    h = ExecutorHarness.start(dir);
    h.settings = h.settings.withOrphanPolicy(OrphanPolicy.FLATTEN);
    h.server.exchange().putPosition(ETH, new BigDecimal("-2"), new BigDecimal("3500"));

    h.startExecutor();

    TradeRecord orphan = h.journal.trades().getFirst();
    assertThat(orphan.status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(orphan.result().orElseThrow().exitReason()).isEqualTo("ORPHAN_FLATTENED");
    assertThat(h.server.exchange().positions()).isEmpty();
    assertThat(h.ordersWithPrefix(orphan.tradeKey() + "X1"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.reduceOnly()).isTrue();
              assertThat(o.side()).isEqualTo("buy");
            });
    assertThat(h.journal.killSwitchLevel()).isZero();
  }

  @Test
  void scenario07RestartCancelsOurLiveAlgoWithoutAPositionAndLeavesForeignAlgos() {
    h = ExecutorHarness.start(dir);
    String ours = ClientOrderId.of("old-signal", OrderRole.PROTECTIVE_ALGO, 1).value();
    h.server
        .exchange()
        .putAlgo(
            BTC,
            ours,
            "sell",
            new BigDecimal("0.1"),
            new BigDecimal("69000"),
            new BigDecimal("72000"));
    h.server
        .exchange()
        .putAlgo(
            BTC,
            "manual42",
            "sell",
            new BigDecimal("0.1"),
            new BigDecimal("69000"),
            new BigDecimal("72000"));

    h.startExecutor();

    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(a -> assertThat(a.algoClOrdId()).isEqualTo("manual42"));
    assertThat(h.alerts).anyMatch(a -> a.contains(ours) && a.contains("without a position"));
  }

  @Test
  void scenario15PositionClosedElsewhereCancelsTheLeftoverAttachedAlgoOnTheNextPoll() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-15");
    h.executor.enter(h.marketLong("sig-15"));
    h.server.exchange().closePositionExternally(BTC, new BigDecimal("70500"));
    assertThat(h.liveAlgos(BTC)).hasSize(1);

    h.executor.poll();

    TradeRecord trade = h.journal.trade(k).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(trade.result().orElseThrow().exitReason()).isEqualTo("EXTERNAL_CLOSE");
    // (70500 - 70000) * 0.13 * 0.01
    assertThat(trade.result().orElseThrow().grossPnl()).isEqualByComparingTo("0.65");
    assertThat(h.liveAlgos(BTC)).isEmpty();
    assertThat(h.journal.order(k + "A1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
  }

  @Test
  void scenario15StartupSweepCatchesTheLeftoverAlgoAfterAnOutsideCloseWhileDown() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-15b");
    h.executor.enter(h.marketLong("sig-15b"));
    h.server.exchange().closePositionExternally(BTC, new BigDecimal("69800"));

    h.restart();

    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(h.liveAlgos(BTC)).isEmpty();
    assertThat(h.server.requests("POST", "/api/v5/trade/order-algo")).isEmpty();
  }
}
