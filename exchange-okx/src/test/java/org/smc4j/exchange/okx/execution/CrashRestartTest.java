package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeStatus;

/**
 * The bot stopped at a named state transition (in process, through the crash hook) and restarted on
 * the same journal: no duplicate order, the position protected, nothing missing from the journal.
 */
class CrashRestartTest {

  private static final String BTC = ExecutorHarness.BTC_ID;

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private void crashAt(String point) {
    h.crashPoints =
        reached -> {
          if (reached.equals(point)) {
            throw new IllegalStateException("crash at " + reached);
          }
        };
  }

  @Test
  void crashAfterTheEntryAnswerIsFollowedToItsFillAndProtectedAfterRestart() {
    h = ExecutorHarness.start(dir);
    crashAt(CrashPoints.ENTRY_ANSWERED);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-c1");
    assertThatThrownBy(() -> h.executor.enter(h.marketLong("sig-c1")))
        .hasMessageContaining("crash");
    assertThat(h.journal.order(k + "E1").orElseThrow().status()).isEqualTo(OrderStatus.LIVE);

    h.restart();

    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.order(k + "E1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(h.journal.fills()).filteredOn(f -> f.tradeKey().equals(k)).hasSize(1);
    assertThat(h.server.requests("POST", "/api/v5/trade/order")).hasSize(1);
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.13"));
  }

  @Test
  void crashAfterTheProtectiveIntentPlacesOneProtectiveAlgoAfterRestart() {
    h = ExecutorHarness.start(dir);
    crashAt(CrashPoints.PROTECTION_COMMITTED);
    h.startExecutor();
    h.server.faults().add("POST", "/api/v5/trade/order", new Fault.AttachedAlgoFails("51020"));
    String k = ClientOrderId.signalKey("sig-c2");
    assertThatThrownBy(() -> h.executor.enter(h.marketLong("sig-c2")))
        .hasMessageContaining("crash");
    assertThat(h.journal.order(k + "P1").orElseThrow().status())
        .isEqualTo(OrderStatus.PENDING_SUBMIT);

    h.restart();

    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.order(k + "P1").orElseThrow().status())
        .isEqualTo(OrderStatus.EXPIRED_LOCAL);
    assertThat(h.journal.order(k + "P2").orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(a -> assertThat(a.algoClOrdId()).isEqualTo(k + "P2"));
    assertThat(h.alerts).anyMatch(a -> a.contains("has no live stop on the exchange"));
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.13"));
  }

  @Test
  void restartAfterTheDeadManCancelledAPartlyFilledEntryProtectsTheFilledPart() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    DeadManSwitch deadMan =
        new DeadManSwitch(h.client, h.journal, h.alerts::add, h.clock, DeadManSettings.DEFAULT);
    assertThat(deadMan.refresh()).isEqualTo(DeadManState.ARMED);
    String k = ClientOrderId.signalKey("sig-c3");
    h.executor.enter(h.limitLong("sig-c3"));
    // the bot dies; while it is down the entry fills in part and the countdown cancels the rest
    h.journal.close();
    h.journal = null;
    h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.07"), new BigDecimal("69900"));
    h.server.exchange().expireCancelAllAfter();

    h.startExecutor();

    assertThat(h.journal.order(k + "E1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.trade(k).orElseThrow().filledSz()).isEqualByComparingTo("0.07");
    assertThat(h.liveAlgos(BTC))
        .singleElement()
        .satisfies(a -> assertThat(a.sz()).isEqualByComparingTo("0.07"));
    assertThat(h.journal.fills()).filteredOn(f -> f.tradeKey().equals(k)).hasSize(1);
    assertThat(h.server.requests("POST", "/api/v5/trade/order")).hasSize(1);
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.16"));
  }
}
