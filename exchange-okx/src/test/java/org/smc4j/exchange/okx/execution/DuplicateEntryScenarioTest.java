package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.okx.fake.FakeOrder;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.OrderTransition;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;

/** OKX-TRADING.md section 16, scenarios 1, 2, 17, 18 and 21: never a duplicate entry. */
class DuplicateEntryScenarioTest {

  private static final String ORDER = "/api/v5/trade/order";
  private static final BigDecimal PLANNED = new BigDecimal("0.13");

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

  private List<OrderStatus> states(String clOrdId) {
    return h.journal.orderTransitions(clOrdId).stream().map(OrderTransition::to).toList();
  }

  @Test
  void scenario01EntryExecutedButReplyDroppedIsFoundByQueryAfterExpTimeAndProtected() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.DropAfterExecute());

    TradeRecord trade = h.executor.enter(h.marketLong("sig-1"));

    String e1 = key("sig-1") + "E1";
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(states(e1))
        .containsExactly(
            OrderStatus.PENDING_SUBMIT, OrderStatus.SUBMITTED_UNKNOWN, OrderStatus.FILLED);
    assertThat(h.journal.order(key("sig-1") + "E2")).isEmpty();
    // it waited past expTime (5 s window + 1 s margin) before querying
    assertThat(h.sleeps.stream().mapToLong(Duration::toMillis).max().orElse(0))
        .isGreaterThan(4_000);
    assertThat(h.server.requests("POST", ORDER)).hasSize(1);
    assertThat(h.ordersWithPrefix(key("sig-1"))).hasSize(1);
    assertThat(h.liveAlgos(ExecutorHarness.BTC_ID))
        .singleElement()
        .satisfies(a -> assertThat(a.algoClOrdId()).isEqualTo(key("sig-1") + "A1"));
    assertThat(h.journal.order(key("sig-1") + "A1").orElseThrow().status())
        .isEqualTo(OrderStatus.LIVE);
    assertThat(h.position(ExecutorHarness.BTC_ID)).isEqualByComparingTo("0.13");
    h.assertNoDuplicateExposure(key("sig-1"), ExecutorHarness.BTC_ID, PLANNED);
  }

  @Test
  void scenario02RequestDroppedBeforeExecutionIsRetriedOnceWithTheNextAttemptDigit() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.DropBeforeExecute());

    TradeRecord trade = h.executor.enter(h.marketLong("sig-2"));

    String e1 = key("sig-2") + "E1";
    String e2 = key("sig-2") + "E2";
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(states(e1))
        .containsExactly(
            OrderStatus.PENDING_SUBMIT, OrderStatus.SUBMITTED_UNKNOWN, OrderStatus.EXPIRED_LOCAL);
    assertThat(h.journal.orderTransitions(e1).getLast().code()).isEqualTo("51603");
    assertThat(h.journal.order(e2).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    // proof before the retry: the order query, then orders-pending and fills
    assertThat(h.server.requests("GET", "/api/v5/trade/orders-pending")).isNotEmpty();
    assertThat(h.server.requests("GET", "/api/v5/trade/fills")).isNotEmpty();
    assertThat(h.ordersWithPrefix(key("sig-2")))
        .singleElement()
        .satisfies(o -> assertThat(o.clOrdId()).isEqualTo(e2));
    h.assertNoDuplicateExposure(key("sig-2"), ExecutorHarness.BTC_ID, PLANNED);
  }

  @Test
  void scenario17BusyAnswerWithoutExecutionIsTreatedAsUnknownAndRetriedOnce() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, Fault.topLevelError("50013", 200));

    TradeRecord trade = h.executor.enter(h.marketLong("sig-17a"));

    String e1 = key("sig-17a") + "E1";
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.orderTransitions(e1))
        .extracting(OrderTransition::to, OrderTransition::code)
        .contains(
            org.assertj.core.groups.Tuple.tuple(OrderStatus.SUBMITTED_UNKNOWN, "50013"),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.EXPIRED_LOCAL, "51603"));
    assertThat(h.ordersWithPrefix(key("sig-17a"))).hasSize(1);
    h.assertNoDuplicateExposure(key("sig-17a"), ExecutorHarness.BTC_ID, PLANNED);
  }

  @Test
  void scenario17Http5xxAfterExecutionIsTreatedAsUnknownAndAdoptedWithoutResending() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.HttpStatusWithoutJson(502, true));

    TradeRecord trade = h.executor.enter(h.marketLong("sig-17b"));

    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(states(key("sig-17b") + "E1")).contains(OrderStatus.SUBMITTED_UNKNOWN);
    assertThat(h.journal.order(key("sig-17b") + "E1").orElseThrow().status())
        .isEqualTo(OrderStatus.FILLED);
    assertThat(h.server.requests("POST", ORDER)).hasSize(1);
    h.assertNoDuplicateExposure(key("sig-17b"), ExecutorHarness.BTC_ID, PLANNED);
  }

  @Test
  void scenario18RetryOfALiveClientIdGets51016AndAdoptsTheLiveOrder() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    // an earlier process sent the post-only entry and lost its journal entry of the answer
    ClientOrderId e1 = ClientOrderId.of("sig-18", OrderRole.ENTRY, 1);
    h.client
        .placeOrder(
            PlaceOrderRequest.postOnlyEntry(
                ExecutorHarness.BTC,
                MarginMode.CROSS,
                org.smc4j.core.signal.Side.LONG,
                new BigDecimal("0.16"),
                new BigDecimal("69900"),
                e1,
                new BigDecimal("69000"),
                new BigDecimal("71700")))
        .orElseThrow();

    TradeRecord trade = h.executor.enter(h.limitLong("sig-18"));

    assertThat(trade.status()).isEqualTo(TradeStatus.ENTRY_WORKING);
    assertThat(h.journal.orderTransitions(e1.value()))
        .extracting(OrderTransition::code)
        .contains("51016");
    OrderRecord adopted = h.journal.order(e1.value()).orElseThrow();
    assertThat(adopted.status()).isEqualTo(OrderStatus.LIVE);
    List<FakeOrder> orders = h.ordersWithPrefix(key("sig-18"));
    assertThat(orders).singleElement().satisfies(o -> assertThat(o.state()).isEqualTo("live"));
    assertThat(adopted.exchangeId()).isEqualTo(orders.getFirst().ordId());
    assertThat(h.journal.order(key("sig-18") + "E2")).isEmpty();
  }

  @Test
  void scenario21CrashBetweenIntentAndSendResendsOnceAfterRestartWhileTheSignalIsValid() {
    h = ExecutorHarness.start(dir);
    h.crashPoints =
        point -> {
          if (point.equals(CrashPoints.INTENT_COMMITTED)) {
            throw new IllegalStateException("crash at " + point);
          }
        };
    h.startExecutor();
    assertThatThrownBy(() -> h.executor.enter(h.marketLong("sig-21")))
        .hasMessageContaining("crash at intent-committed");
    assertThat(h.journal.order(key("sig-21") + "E1").orElseThrow().status())
        .isEqualTo(OrderStatus.PENDING_SUBMIT);
    assertThat(h.server.requests("POST", ORDER)).isEmpty();

    h.restart();

    TradeRecord trade = h.journal.trade(key("sig-21")).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.order(key("sig-21") + "E1").orElseThrow().status())
        .isEqualTo(OrderStatus.EXPIRED_LOCAL);
    assertThat(h.journal.order(key("sig-21") + "E2").orElseThrow().status())
        .isEqualTo(OrderStatus.FILLED);
    assertThat(h.server.requests("POST", ORDER)).hasSize(1);
    h.assertNoDuplicateExposure(key("sig-21"), ExecutorHarness.BTC_ID, PLANNED);
  }

  @Test
  void scenario21CrashBetweenIntentAndSendSkipsAnExpiredSignalAfterRestart() {
    h = ExecutorHarness.start(dir);
    h.crashPoints =
        point -> {
          if (point.equals(CrashPoints.INTENT_COMMITTED)) {
            throw new IllegalStateException("crash at " + point);
          }
        };
    h.startExecutor();
    assertThatThrownBy(() -> h.executor.enter(h.marketLong("sig-21x")))
        .hasMessageContaining("crash");
    h.now.updateAndGet(t -> t.plusSeconds(600));

    h.restart();

    TradeRecord trade = h.journal.trade(key("sig-21x")).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(trade.reason()).contains("signal expired");
    assertThat(h.journal.order(key("sig-21x") + "E1").orElseThrow().status())
        .isEqualTo(OrderStatus.EXPIRED_LOCAL);
    assertThat(h.server.requests("POST", ORDER)).isEmpty();
    assertThat(h.server.exchange().positions()).isEmpty();
  }

  @Test
  void shouldNotTradeTheSameSignalTwice() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.executor.enter(h.marketLong("sig-twice"));

    TradeRecord again = h.executor.enter(h.marketLong("sig-twice"));

    assertThat(again.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.server.requests("POST", ORDER)).hasSize(1);
  }
}
