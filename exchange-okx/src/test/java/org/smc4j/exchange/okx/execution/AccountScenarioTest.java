package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;

/** OKX-TRADING.md section 16, scenarios 11, 12 and 13: the account pre-flight and the clock. */
class AccountScenarioTest {

  private static final String ORDER = "/api/v5/trade/order";

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void scenario11EnvironmentMismatchOnTheFirstPrivateCallRefusesToStart() {
    // a demo key used by a bot configured for live: no demo header, OKX answers 50101
    h = ExecutorHarness.start(dir, true, OkxEnvironment.LIVE);
    PreflightSettings live =
        PreflightSettings.of(
            OkxEnvironment.LIVE,
            h.server.baseUri(),
            PositionMode.NET,
            MarginMode.CROSS,
            Optional.empty());

    assertThatThrownBy(() -> h.newExecutor().start(live))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("50101")
        .hasMessageContaining("key")
        .hasMessageContaining("x-simulated-trading")
        .hasMessageContaining("host " + h.server.baseUri());

    assertThat(h.server.requests("POST", ORDER)).isEmpty();
    assertThat(h.journal.environment()).isEmpty();
    TradeRecord refused = h.executor.enter(h.marketLong("sig-11"));
    assertThat(refused.status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(h.server.requests("POST", ORDER)).isEmpty();
  }

  @Test
  void scenario12ServerClockAheadIsRemeasuredAndTheEntryReSignedOnce() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.ClockSkew(Duration.ofSeconds(45)));

    TradeRecord trade = h.executor.enter(h.marketLong("sig-12"));

    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.server.requests("POST", ORDER)).hasSize(2);
    assertThat(h.server.exchange().orders()).hasSize(1);
    assertThat(h.client.serverClock().offset()).isGreaterThan(Duration.ofSeconds(40));
    assertThat(h.journal.killSwitchLevel()).isZero();
  }

  @Test
  void scenario12ASecondTimestampRejectionTripsKillSwitchLevelOne() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, Fault.topLevelError("50102", 401));
    h.server.faults().add("POST", ORDER, Fault.topLevelError("50102", 401));

    TradeRecord trade = h.executor.enter(h.marketLong("sig-12b"));

    String e1 = ClientOrderId.signalKey("sig-12b") + "E1";
    assertThat(trade.status()).isEqualTo(TradeStatus.SKIPPED);
    assertThat(h.journal.order(e1).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(h.journal.order(e1).orElseThrow().lastCode()).isEqualTo("50102");
    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
    assertThat(h.server.exchange().orders()).isEmpty();
    assertThat(h.executor.enter(h.marketLong("sig-12c")).reason()).contains("kill switch level 1");
  }

  @Test
  void scenario13LongShortPositionModeRefusesToStart() {
    h = ExecutorHarness.start(dir);
    h.server.exchange().setAccount("long_short_mode", "2", "read_only,trade");

    assertThatThrownBy(() -> h.newExecutor().start(h.preflight()))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("posMode is long_short_mode");

    assertThat(h.server.requests("POST", ORDER)).isEmpty();
    assertThat(h.server.requests("GET", "/api/v5/account/positions")).isEmpty();
  }

  @Test
  void shouldRefuseAJournalMadeInDemoWhenConfiguredLive() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.journal.close();
    h.journal = null;
    PreflightSettings live =
        PreflightSettings.of(
            OkxEnvironment.LIVE,
            h.server.baseUri(),
            PositionMode.NET,
            MarginMode.CROSS,
            Optional.empty());

    assertThatThrownBy(() -> h.newExecutor().start(live))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("journal was made in DEMO");
  }
}
