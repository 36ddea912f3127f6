package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.Position;
import org.smc4j.okx.fake.Fault;
import org.smc4j.okx.fake.ReceivedRequest;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.TradeStatus;

/** Issue 11 item 3: the leverage is set and read back before the first entry on a symbol. */
class LeverageScenarioTest {

  private static final String BTC = ExecutorHarness.BTC_ID;
  private static final String SET_LEVERAGE = "/api/v5/account/set-leverage";

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void shouldSetTheLeverageBeforeTheFirstEntrySoTheLiquidationLiesBeyondTheStop() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-l1");

    h.executor.enter(h.marketLong("sig-l1"));

    List<String> paths =
        h.server.requests().stream()
            .filter(r -> r.method().equals("POST"))
            .map(ReceivedRequest::requestPath)
            .toList();
    assertThat(paths.indexOf(SET_LEVERAGE))
        .isNotNegative()
        .isLessThan(paths.indexOf("/api/v5/trade/order"));
    assertThat(h.server.requests("POST", SET_LEVERAGE))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains("\"instId\":\"BTC-USDT-SWAP\"", "\"lever\":\"10\"", "\"cross\""));
    assertThat(h.journal.leverage(BTC))
        .hasValueSatisfying(l -> assertThat(l.lever()).isEqualByComparingTo("10"));
    assertThat(h.journal.events(ExecutionEventKind.LEVERAGE_SET))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("lever 10", "stop 69000", "liquidation"));
    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    Position position = h.client.positions("SWAP", BTC).orElseThrow().getFirst();
    assertThat(position.lever()).hasValueSatisfying(l -> assertThat(l).isEqualByComparingTo("10"));
    assertThat(position.liqPx())
        .hasValueSatisfying(liq -> assertThat(liq).isLessThan(new BigDecimal("69000")));
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.13"));
  }

  @Test
  void shouldNotSetTheLeverageAgainForALaterEntryThatAllowsTheSameOrMore() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.executor.enter(h.marketLong("sig-l2"));
    h.server.exchange().moveLastPrice(BTC, new BigDecimal("72500"));
    h.executor.reconcile();
    assertThat(h.position(BTC)).isZero();

    h.restart();
    h.executor.enter(h.marketLong("sig-l3"));

    assertThat(h.server.requests("POST", SET_LEVERAGE)).hasSize(1);
    assertThat(h.journal.trade(ClientOrderId.signalKey("sig-l3")).orElseThrow().status())
        .isEqualTo(TradeStatus.OPEN_PROTECTED);
  }

  @Test
  void shouldSkipTheSignalAndSendNoOrderWhenTheLeverageCannotBeSet() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", SET_LEVERAGE, new Fault.ErrorCode("59101", 200, false));
    String k = ClientOrderId.signalKey("sig-l4");

    h.executor.enter(h.marketLong("sig-l4"));

    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(h.journal.trade(k).orElseThrow().reason()).contains("leverage 10", "59101");
    assertThat(h.journal.events(ExecutionEventKind.LEVERAGE_FAILED)).hasSize(1);
    assertThat(h.journal.leverage(BTC)).isEmpty();
    assertThat(h.server.requests("POST", "/api/v5/trade/order")).isEmpty();
    assertThat(h.position(BTC)).isZero();
  }
}
