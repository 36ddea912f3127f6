package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.FillRecord;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.OrderTransition;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;

/** OKX-TRADING.md section 16, scenarios 3, 4, 8, 9, 10 and 14: the protection invariant. */
class ProtectionScenarioTest {

  private static final String ORDER = "/api/v5/trade/order";
  private static final String ORDER_ALGO = "/api/v5/trade/order-algo";
  private static final String BTC = ExecutorHarness.BTC_ID;

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

  private void startWithFailingAttachedAlgo() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.AttachedAlgoFails("51020"));
  }

  @Test
  void scenario03RateLimitedTwiceWhilePlacingTheProtectiveStopBacksOffAndPlacesExactlyOneAlgo() {
    startWithFailingAttachedAlgo();
    h.server.faults().add("POST", ORDER_ALGO, Fault.rateLimited());
    h.server.faults().add("POST", ORDER_ALGO, Fault.rateLimited());

    TradeRecord trade = h.executor.enter(h.marketLong("sig-3"));

    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.server.requests("POST", ORDER_ALGO)).hasSize(3);
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.algoClOrdId()).isEqualTo(key("sig-3") + "P1");
              assertThat(a.sz()).isEqualByComparingTo("0.13");
              assertThat(a.reduceOnly()).isTrue();
              assertThat(a.cxlOnClosePos()).isTrue();
            });
    // two backoff waits of at most 2 s each, within the 10 s deadline; no flatten
    assertThat(h.sleeps)
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    assertThat(h.journal.order(key("sig-3") + "X1")).isEmpty();
    assertThat(h.position(BTC)).isEqualByComparingTo("0.13");
    h.assertNoDuplicateExposure(key("sig-3"), BTC, new BigDecimal("0.13"));
  }

  @Test
  void scenario04RateLimitPastTheUnprotectedDeadlineClosesTheSymbolAtMarket() {
    startWithFailingAttachedAlgo();
    for (int i = 0; i < 200; i++) {
      h.server.faults().add("POST", ORDER_ALGO, Fault.rateLimited());
    }

    TradeRecord trade = h.executor.enter(h.marketLong("sig-4"));
    h.server.faults().clear();

    assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(trade.result().orElseThrow().exitReason()).isEqualTo("FLATTENED");
    assertThat(h.sleeps.stream().map(Duration::toMillis).reduce(0L, Long::sum))
        .isGreaterThanOrEqualTo(10_000);
    OrderRecord exit = h.journal.order(key("sig-4") + "X1").orElseThrow();
    assertThat(exit.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(exit.reduceOnly()).isTrue();
    assertThat(h.journal.order(key("sig-4") + "P1").orElseThrow().status())
        .isEqualTo(OrderStatus.EXPIRED_LOCAL);
    assertThat(h.alerts).anyMatch(a -> a.contains("unprotected for more than 10 s"));
    assertThat(h.server.exchange().positions()).isEmpty();
    assertThat(h.liveAlgos(BTC)).isEmpty();
    assertThat(h.ordersWithPrefix(key("sig-4") + "X1").getFirst().reduceOnly()).isTrue();
  }

  @Test
  void scenario08LimitEntryHalfFilledThenCancelledGetsAVerifiedOcoAndItsPnlJournaled() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-8");
    h.executor.enter(h.limitLong("sig-8"));
    h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.08"), new BigDecimal("69900"));

    assertThat(h.executor.cancelEntry(k, "POI died")).isTrue();

    TradeRecord open = h.journal.trade(k).orElseThrow();
    assertThat(open.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(open.filledSz()).isEqualByComparingTo("0.08");
    OrderRecord entry = h.journal.order(k + "E1").orElseThrow();
    assertThat(entry.status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(entry.filledSz()).isEqualByComparingTo("0.08");
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.algoClOrdId()).isEqualTo(k + "P1");
              assertThat(a.sz()).isEqualByComparingTo("0.08");
            });
    assertThat(h.journal.order(k + "P1").orElseThrow().status()).isEqualTo(OrderStatus.LIVE);

    h.server.exchange().moveLastPrice(BTC, new BigDecimal("68990"));
    h.executor.poll();

    TradeRecord closed = h.journal.trade(k).orElseThrow();
    assertThat(closed.status()).isEqualTo(TradeStatus.CLOSED);
    TradeResult result = closed.result().orElseThrow();
    assertThat(result.exitReason()).isEqualTo("STOP");
    // (68990 - 69900) * 0.08 contracts * 0.01 BTC
    assertThat(result.grossPnl()).isEqualByComparingTo("-0.728");
    // maker 0.02 % of 0.0008 BTC * 69900 + taker 0.05 % of 0.0008 BTC * 68990
    assertThat(result.fees()).isEqualByComparingTo("0.03878");
    assertThat(result.netPnl()).isEqualByComparingTo("-0.76678");
    assertThat(h.journal.fills())
        .filteredOn(f -> f.tradeKey().equals(k))
        .extracting(FillRecord::fillSz)
        .allSatisfy(sz -> assertThat(sz).isEqualByComparingTo("0.08"))
        .hasSize(2);
    assertThat(h.server.exchange().positions()).isEmpty();
  }

  @Test
  void scenario09PartialFillWhileLiveCancelsTheRemainderAndProtectsTheFilledPart() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = key("sig-9");
    h.executor.enter(h.limitLong("sig-9"));
    h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.08"), new BigDecimal("69900"));

    h.executor.poll();

    TradeRecord trade = h.journal.trade(k).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.tradeHistory(k))
        .containsSubsequence(
            TradeStatus.ENTRY_WORKING, TradeStatus.OPEN_UNPROTECTED, TradeStatus.OPEN_PROTECTED);
    assertThat(h.ordersWithPrefix(k + "E1").getFirst().state()).isEqualTo("canceled");
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(a -> assertThat(a.sz()).isEqualByComparingTo("0.08"));
    assertThat(h.sleeps.stream().map(Duration::toMillis).reduce(0L, Long::sum)).isLessThan(10_000);
    assertThat(h.journal.order(k + "X1")).isEmpty();
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.16"));
  }

  @Test
  void scenario10FilledParentWhoseAttachedAlgoFailedGetsASeparateOco() {
    startWithFailingAttachedAlgo();

    TradeRecord trade = h.executor.enter(h.marketLong("sig-10"));

    String k = key("sig-10");
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    OrderRecord attached = h.journal.order(k + "A1").orElseThrow();
    assertThat(attached.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(attached.lastCode()).isEqualTo("51020");
    assertThat(h.journal.order(k + "P1").orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    assertThat(h.journal.orderTransitions(k + "P1"))
        .extracting(OrderTransition::to)
        .containsExactly(
            OrderStatus.PENDING_SUBMIT, OrderStatus.SUBMITTED_UNKNOWN, OrderStatus.LIVE);
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(a -> assertThat(a.algoClOrdId()).isEqualTo(k + "P1"));
    assertThat(h.alerts).anyMatch(a -> a.contains("failCode 51020"));
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.13"));
  }

  @Test
  void scenario14ProtectiveStopAlreadyThroughTheMarketClosesAtMarketImmediately() {
    startWithFailingAttachedAlgo();
    h.server.faults().add("POST", ORDER_ALGO, Fault.itemError("51280"));

    TradeRecord trade = h.executor.enter(h.marketLong("sig-14"));

    String k = key("sig-14");
    assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
    assertThat(trade.result().orElseThrow().exitReason()).isEqualTo("STOP");
    OrderRecord protective = h.journal.order(k + "P1").orElseThrow();
    assertThat(protective.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(protective.lastCode()).isEqualTo("51280");
    assertThat(h.journal.order(k + "X1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(h.server.requests("POST", ORDER_ALGO)).hasSize(1);
    assertThat(h.sleeps).isEmpty();
    assertThat(h.server.exchange().positions()).isEmpty();
    assertThat(h.liveAlgos(BTC)).isEmpty();
  }
}
