package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

class OkxBrokerTest {

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private static OrderIntent intent(String poiId, EntryKind kind, double entry) {
    return new OrderIntent(
        1,
        poiId,
        "BTCUSDT",
        Side.LONG,
        kind,
        entry,
        69000,
        72000,
        OptionalDouble.empty(),
        Instant.now(),
        1.3,
        0.13,
        0.01,
        Optional.empty());
  }

  @Test
  void shouldPlaceAPlanThroughTheExecutorAndReportTheSymbolBusy() {
    h = ExecutorHarness.start(dir);
    OkxBroker broker = new OkxBroker(h.startExecutor(), Duration.ofMinutes(1));
    OrderIntent intent = intent("poi-1", EntryKind.MARKET_NEXT_OPEN, 70000);

    Submission submission = broker.submit(intent);

    assertThat(submission.accepted()).isTrue();
    String key = ClientOrderId.signalKey(OkxBroker.signalIdOf(intent));
    assertThat(h.journal.trade(key).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(broker.busyReason("BTCUSDT")).hasValueSatisfying(r -> assertThat(r).contains(key));
    Submission again = broker.submit(intent("poi-2", EntryKind.MARKET_NEXT_OPEN, 70000));
    assertThat(again.rejection()).hasValueSatisfying(r -> assertThat(r).contains("one position"));
  }

  @Test
  void shouldCancelThePendingLimitEntryOfADeadPoi() {
    h = ExecutorHarness.start(dir);
    OkxBroker broker = new OkxBroker(h.startExecutor(), Duration.ofMinutes(5));
    OrderIntent intent = intent("poi-9", EntryKind.LIMIT, 69900);
    assertThat(broker.submit(intent).accepted()).isTrue();

    assertThat(broker.cancelPendingForPoi("poi-9", Instant.now(), "15m close below leg start"))
        .isTrue();

    String key = ClientOrderId.signalKey(OkxBroker.signalIdOf(intent));
    assertThat(h.journal.trade(key).orElseThrow().status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(h.ordersWithPrefix(key).getFirst().state()).isEqualTo("canceled");
    assertThat(broker.cancelPendingForPoi("poi-unknown", Instant.now(), "x")).isFalse();
  }

  @Test
  void shouldCancelTheEntryOfAPoiThatDiesAfterARestart() {
    h = ExecutorHarness.start(dir);
    OkxBroker broker = new OkxBroker(h.startExecutor(), Duration.ofMinutes(5));
    OrderIntent intent = intent("poi-r", EntryKind.LIMIT, 69900);
    assertThat(broker.submit(intent).accepted()).isTrue();
    String key = ClientOrderId.signalKey(OkxBroker.signalIdOf(intent));
    h.server.exchange().fillOrder(key + "E1", new BigDecimal("0.05"), new BigDecimal("69900"));

    // the bot restarts mid-trade: a new executor and a new broker on the same journal
    OkxBroker restarted = new OkxBroker(h.restart(), Duration.ofMinutes(5));
    assertThat(restarted.cancelPendingForPoi("poi-r", Instant.now(), "POI died")).isFalse();

    assertThat(h.journal.tradeOfPoi("poi-r")).contains(key);
    assertThat(h.journal.trade(key).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.trade(key).orElseThrow().filledSz()).isEqualByComparingTo("0.05");
    assertThat(h.ordersWithPrefix(key + "E"))
        .singleElement()
        .satisfies(o -> assertThat(o.state()).isEqualTo("canceled"));
    assertThat(h.liveAlgos(ExecutorHarness.BTC_ID))
        .singleElement()
        .satisfies(a -> assertThat(a.sz()).isEqualByComparingTo("0.05"));
    h.assertNoDuplicateExposure(key, ExecutorHarness.BTC_ID, new BigDecimal("0.16"));
    // the same signal seen again after the restart is not traded twice
    assertThat(restarted.submit(intent).accepted()).isTrue();
    assertThat(h.ordersWithPrefix(key + "E")).hasSize(1);
  }

  @Test
  void shouldCancelAWorkingEntryOfAPoiThatDiesAfterARestart() {
    h = ExecutorHarness.start(dir);
    OkxBroker broker = new OkxBroker(h.startExecutor(), Duration.ofMinutes(5));
    OrderIntent intent = intent("poi-w", EntryKind.LIMIT, 69900);
    assertThat(broker.submit(intent).accepted()).isTrue();
    String key = ClientOrderId.signalKey(OkxBroker.signalIdOf(intent));

    OkxBroker restarted = new OkxBroker(h.restart(), Duration.ofMinutes(5));
    assertThat(h.journal.trade(key).orElseThrow().status()).isEqualTo(TradeStatus.ENTRY_WORKING);

    assertThat(restarted.cancelPendingForPoi("poi-w", Instant.now(), "POI died")).isTrue();
    assertThat(h.journal.trade(key).orElseThrow().status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(h.ordersWithPrefix(key + "E"))
        .singleElement()
        .satisfies(o -> assertThat(o.state()).isEqualTo("canceled"));
  }

  @Test
  void shouldMapPipelineSymbolsToSwapInstruments() {
    assertThat(OkxBroker.instIdOf("BTCUSDT")).isEqualTo("BTC-USDT-SWAP");
    assertThat(OkxBroker.instIdOf("eth-usdt-swap")).isEqualTo("ETH-USDT-SWAP");
    assertThatThrownBy(() -> OkxBroker.instIdOf("BTC/USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BTC/USD");
  }
}
