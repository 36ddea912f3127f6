package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.trading.execution.DailyLoss;
import org.smc4j.trading.execution.FundingRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.EntryKind;

/**
 * OKX-TRADING.md section 16, scenarios 16, 19, 20 and 22: cancels racing fills, funding, the daily
 * loss limit and liquidation; and the kill switch levels.
 */
class SettlementScenarioTest {

  private static final String BTC = ExecutorHarness.BTC_ID;
  private static final String ETH = ExecutorHarness.ETH_ID;
  private static final String ORDER_ALGO = "/api/v5/trade/order-algo";

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

  private EntryRequest ethLong(String signalId) {
    return new EntryRequest(
        signalId,
        ETH,
        Side.LONG,
        EntryKind.MARKET_NEXT_OPEN,
        new BigDecimal("3500"),
        new BigDecimal("3450"),
        new BigDecimal("3600"),
        new BigDecimal("0.2"),
        new BigDecimal("1.0"),
        h.now.get().plusSeconds(60));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
  }

  @Test
  void scenario16CancelAnswered51400BecauseTheLimitJustFilledIsQueriedAndProtected() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-16");
    h.executor.enter(h.limitLong("sig-16"));
    h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.16"), new BigDecimal("69900"));

    h.executor.cancelEntry(k, "POI died");

    assertThat(h.server.requests("POST", "/api/v5/trade/cancel-order")).hasSize(1);
    TradeRecord trade = h.journal.trade(k).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(trade.filledSz()).isEqualByComparingTo("0.16");
    assertThat(h.journal.order(k + "E1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(h.journal.order(k + "A1").orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    assertThat(h.journal.order(k + "P1")).isEmpty();
    assertThat(h.journal.killSwitchLevel()).isZero();
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.16"));
  }

  @Test
  void scenario19FundingBillOfAClosedTradeIsJournaledOnceAndUpdatesItsNetAndTheDay() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-19");
    h.executor.enter(h.marketLong("sig-19"));
    h.server.exchange().moveLastPrice(BTC, new BigDecimal("72000"));
    h.executor.poll();
    TradeRecord closed = h.journal.trade(k).orElseThrow();
    assertThat(closed.status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(closed.result().orElseThrow().exitReason()).isEqualTo("TARGET");
    BigDecimal netBefore = closed.result().orElseThrow().netPnl();
    BigDecimal dayBefore = h.journal.dailyLoss(today()).realised();

    h.server
        .exchange()
        .addFundingBill(
            BTC,
            new BigDecimal("-0.05"),
            new BigDecimal("71000"),
            new BigDecimal("0.13"),
            closed.openedAt().orElseThrow());
    h.executor.poll();
    h.executor.poll();

    assertThat(h.journal.funding())
        .singleElement()
        .satisfies(
            (FundingRecord f) -> {
              assertThat(f.tradeKey()).isEqualTo(k);
              assertThat(f.pnl()).isEqualByComparingTo("-0.05");
            });
    TradeResult after = h.journal.trade(k).orElseThrow().result().orElseThrow();
    assertThat(after.funding()).isEqualByComparingTo("0.05");
    assertThat(after.netPnl()).isEqualByComparingTo(netBefore.subtract(new BigDecimal("0.05")));
    assertThat(h.journal.dailyLoss(today()).realised())
        .isEqualByComparingTo(dayBefore.subtract(new BigDecimal("0.05")));
  }

  @Test
  void scenario20DailyLossCrossedByFeesAndFundingAloneRefusesNewEntriesAndLeavesOpenTrades() {
    h = ExecutorHarness.start(dir);
    h.settings = ExecutionSettings.defaults(new BigDecimal("2"), 5);
    h.startExecutor();
    String k = key("sig-20");
    h.executor.enter(h.marketLong("sig-20"));
    h.server
        .exchange()
        .addFundingBill(
            BTC,
            new BigDecimal("-2.5"),
            new BigDecimal("70000"),
            new BigDecimal("0.13"),
            Instant.now());
    h.executor.poll();
    DailyLoss day = h.journal.dailyLoss(today());
    assertThat(day.realised()).isLessThan(new BigDecimal("-2"));

    TradeRecord refused = h.executor.enter(ethLong("sig-20-eth"));

    assertThat(refused.status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(refused.reason()).contains("daily loss limit");
    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
    assertThat(h.server.requests("POST", "/api/v5/trade/order")).hasSize(1);
    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.position(BTC)).isEqualByComparingTo("0.13");
    assertThat(h.liveAlgos(BTC)).hasSize(1);
  }

  @Test
  void scenario22LiquidationClosesTheTradeWithThatReasonAndIsNotReprotected() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-22");
    h.executor.enter(h.marketLong("sig-22"));
    h.server.exchange().liquidate(BTC, new BigDecimal("69500"), false);

    h.executor.poll();
    h.executor.poll();

    TradeRecord trade = h.journal.trade(k).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(trade.result().orElseThrow().exitReason()).isEqualTo("LIQUIDATION_OR_ADL");
    assertThat(h.journal.fills()).anyMatch(f -> f.liquidationOrAdl() && f.tradeKey().equals(k));
    assertThat(h.server.requests("POST", ORDER_ALGO)).isEmpty();
    assertThat(h.journal.order(k + "P1")).isEmpty();
    assertThat(h.liveAlgos(BTC)).isEmpty();
    assertThat(h.server.exchange().positions()).isEmpty();
  }

  @Test
  void killSwitchLevelTwoCancelsPendingEntriesAndLevelThreeFlattensAndVerifiesFlat() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String limit = key("sig-ks-limit");
    String market = key("sig-ks-eth");
    h.executor.enter(h.limitLong("sig-ks-limit"));
    h.executor.enter(ethLong("sig-ks-eth"));

    assertThat(h.executor.killSwitch(2, "trade stop --level 2")).isFalse();

    assertThat(h.journal.trade(limit).orElseThrow().status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(h.ordersWithPrefix(limit + "E1").getFirst().state()).isEqualTo("canceled");
    assertThat(h.journal.trade(market).orElseThrow().status())
        .isEqualTo(TradeStatus.OPEN_PROTECTED);

    assertThat(h.executor.killSwitch(3, "trade stop --level 3")).isTrue();

    assertThat(h.journal.trade(market).orElseThrow().status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(h.server.exchange().positions()).isEmpty();
    assertThat(h.liveAlgos(ETH)).isEmpty();
    assertThat(h.journal.killSwitchLevel()).isEqualTo(3);

    h.restart();
    assertThat(h.journal.killSwitchLevel()).isEqualTo(3);
    assertThat(h.executor.enter(h.marketLong("sig-after")).status()).isEqualTo(TradeStatus.SKIPPED);
  }

  @Test
  void killSwitchRaisedInTheJournalByAnotherProcessIsAppliedOnTheNextPoll() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String limit = key("sig-ext");
    h.executor.enter(h.limitLong("sig-ext"));
    try (org.smc4j.trading.execution.ExecutionJournal other =
        org.smc4j.trading.execution.ExecutionJournal.open(h.journalFile)) {
      other.tripKillSwitch(2, "trade stop --level 2", Instant.now());
    }

    h.executor.poll();

    assertThat(h.journal.trade(limit).orElseThrow().status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(h.ordersWithPrefix(limit + "E1").getFirst().state()).isEqualTo("canceled");
    assertThat(h.alerts).anyMatch(a -> a.contains("found in the journal"));
  }
}
