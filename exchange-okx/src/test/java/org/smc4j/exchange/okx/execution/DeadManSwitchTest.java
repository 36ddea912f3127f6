package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Design section 15.14: the dead-man's switch ({@code cancel-all-after}) refreshed by the loop, its
 * failures, its lapse and its absence, against the fake OKX.
 */
class DeadManSwitchTest {

  private static final String BTC = ExecutorHarness.BTC_ID;
  private static final String CANCEL_ALL_AFTER = "/api/v5/trade/cancel-all-after";

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private DeadManSwitch deadMan() {
    return new DeadManSwitch(h.client, h.journal, h.alerts::add, h.clock, DeadManSettings.DEFAULT);
  }

  private ReconciliationLoop loop(DeadManSwitch deadMan) {
    return new ReconciliationLoop(
        h.executor, ReconciliationSchedule.DEFAULT, h.clock, Optional.of(deadMan));
  }

  private void advance(Duration d) {
    h.now.updateAndGet(t -> t.plus(d));
  }

  @Test
  void shouldArmTheCountdownOnOurTagAndRefreshItEveryFifteenSeconds() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    DeadManSwitch deadMan = deadMan();
    ReconciliationLoop loop = loop(deadMan);

    loop.runDue();
    assertThat(deadMan.state()).isEqualTo(DeadManState.ARMED);
    assertThat(h.server.exchange().cancelAllAfterTimers()).containsOnlyKeys("smc4j");
    assertThat(h.server.requests("POST", CANCEL_ALL_AFTER))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("\"timeOut\":\"60\"", "\"tag\":\"smc4j\""));
    advance(Duration.ofSeconds(14));
    loop.runDue();
    assertThat(h.server.requests("POST", CANCEL_ALL_AFTER)).hasSize(1);
    advance(Duration.ofSeconds(1));
    loop.runDue();
    assertThat(h.server.requests("POST", CANCEL_ALL_AFTER)).hasSize(2);
    assertThat(loop.nextWake()).isEqualTo(h.now.get().plusSeconds(15));
    // armed once, refreshed silently
    assertThat(h.journal.events(ExecutionEventKind.DEAD_MAN_ARMED)).hasSize(1);

    assertThat(deadMan.disarm()).isTrue();
    assertThat(h.server.exchange().cancelAllAfterTimers()).isEmpty();
    assertThat(deadMan.state()).isEqualTo(DeadManState.OFF);
  }

  @Test
  void shouldReconcileAtOnceWhenTheCountdownLapsedAndProtectTheFilledPartOfACancelledEntry() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    DeadManSwitch deadMan = deadMan();
    ReconciliationLoop loop = loop(deadMan);
    loop.runDue();
    String k = ClientOrderId.signalKey("sig-d1");
    h.executor.enter(h.limitLong("sig-d1"));
    loop.runDue();
    // every refresh for the next minute fails (transport errors and a rate limit)
    h.server.faults().add("POST", CANCEL_ALL_AFTER, new Fault.HttpStatusWithoutJson(502, false));
    h.server.faults().add("POST", CANCEL_ALL_AFTER, new Fault.ErrorCode("50011", 429, false));
    h.server.faults().add("POST", CANCEL_ALL_AFTER, new Fault.DropBeforeExecute());
    h.server.faults().add("POST", CANCEL_ALL_AFTER, new Fault.HttpStatusWithoutJson(503, false));
    advance(Duration.ofSeconds(15));
    loop.runDue();
    assertThat(deadMan.state()).isEqualTo(DeadManState.FAILING);
    // the entry fills in part, then OKX's countdown (armed at t0) ends and cancels the rest
    h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.08"), new BigDecimal("69900"));
    assertThat(h.server.exchange().expireCancelAllAfter()).containsExactly("smc4j");
    advance(Duration.ofSeconds(15));
    loop.runDue();
    advance(Duration.ofSeconds(15));
    loop.runDue();
    advance(Duration.ofSeconds(15));
    int cycles = h.server.requests("GET", "/api/v5/account/positions").size();

    assertThat(loop.runDue()).isTrue();

    assertThat(deadMan.state()).isEqualTo(DeadManState.LAPSED);
    assertThat(h.server.requests("GET", "/api/v5/account/positions").size()).isGreaterThan(cycles);
    assertThat(h.journal.events(ExecutionEventKind.DEAD_MAN_FAILED)).hasSize(1);
    assertThat(h.journal.events(ExecutionEventKind.DEAD_MAN_LAPSED)).hasSize(1);
    assertThat(h.ordersWithPrefix(k + "E"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.state()).isEqualTo("canceled");
              assertThat(o.cancelSource()).isEqualTo("20");
            });
    assertThat(h.journal.order(k + "E1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(a -> assertThat(a.sz()).isEqualByComparingTo("0.08"));
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.16"));

    // the next successful refresh re-arms the countdown
    advance(Duration.ofSeconds(15));
    loop.runDue();
    assertThat(deadMan.state()).isEqualTo(DeadManState.ARMED);
    assertThat(h.journal.events(ExecutionEventKind.DEAD_MAN_ARMED)).hasSize(2);
  }

  @Test
  void shouldRunWithoutTheSwitchWhenOkxRefusesItAndKeepReconciling() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", CANCEL_ALL_AFTER, new Fault.ErrorCode("51071", 200, false));
    DeadManSwitch deadMan = deadMan();
    ReconciliationLoop loop = loop(deadMan);

    assertThat(loop.runDue()).isTrue();
    assertThat(deadMan.state()).isEqualTo(DeadManState.UNAVAILABLE);
    assertThat(deadMan.nextRefresh()).isEmpty();
    advance(Duration.ofSeconds(60));
    assertThat(loop.runDue()).isTrue();

    assertThat(h.server.requests("POST", CANCEL_ALL_AFTER)).hasSize(1);
    assertThat(h.journal.events(ExecutionEventKind.DEAD_MAN_UNAVAILABLE))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("51071", "running without"));
    assertThat(h.alerts).anyMatch(a -> a.contains("running without the dead-man's switch"));
    assertThat(h.journal.killSwitchLevel()).isZero();
  }

  @Test
  void shouldRejectACountdownOutsideOkxLimits() {
    assertThatThrownBy(
            () -> new DeadManSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), "smc4j"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeOut must be within 10..120 s (OKX cancel-all-after), was 5 s");
    assertThatThrownBy(
            () -> new DeadManSettings(Duration.ofSeconds(60), Duration.ofSeconds(60), "smc4j"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refreshEvery must be > 0 and < timeOut");
  }
}
