package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.ExecutionEvent;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.TradeStatus;

/**
 * OKX-TRADING.md section 15.11: the periodic reconciliation on its cadence (manual clock), and a
 * mismatch that survives two consecutive cycles tripping kill switch level 1.
 */
class PeriodicReconciliationTest {

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

  private ReconciliationLoop loop() {
    return new ReconciliationLoop(
        h.executor, ReconciliationSchedule.DEFAULT, h.clock, Optional.empty());
  }

  private void advance(Duration d) {
    h.now.updateAndGet(t -> t.plus(d));
  }

  private int positionReads() {
    return h.server.requests("GET", "/api/v5/account/positions").size();
  }

  @Test
  void shouldRunIdleEverySixtySecondsAndEveryFifteenWhilePositionsAreOpen() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    ReconciliationLoop loop = loop();
    assertThat(loop.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(loop.runDue()).isTrue();
    advance(Duration.ofSeconds(59));
    int before = positionReads();
    assertThat(loop.runDue()).isFalse();
    assertThat(positionReads()).isEqualTo(before);
    advance(Duration.ofSeconds(1));
    assertThat(loop.runDue()).isTrue();

    h.executor.enter(h.marketLong("sig-p1"));
    assertThat(loop.interval()).isEqualTo(Duration.ofSeconds(15));
    advance(Duration.ofSeconds(60));
    assertThat(loop.runDue()).isTrue();
    assertThat(loop.nextCycle()).isEqualTo(h.now.get().plusSeconds(15));
    advance(Duration.ofSeconds(14));
    assertThat(loop.runDue()).isFalse();
    advance(Duration.ofSeconds(1));
    assertThat(loop.runDue()).isTrue();
    assertThat(loop.lastReport().orElseThrow().complete()).isTrue();
    assertThat(loop.lastReport().orElseThrow().mismatches()).isEmpty();
    assertThat(h.journal.killSwitchLevel()).isZero();
  }

  @Test
  void shouldRunEveryFiveSecondsWhileAnEntryIsWorkingAndProtectAFillSeenByACycle() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-p2");
    h.executor.enter(h.limitLong("sig-p2"));
    ReconciliationLoop loop = loop();
    assertThat(loop.interval()).isEqualTo(Duration.ofSeconds(5));
    loop.runDue();
    h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.16"), new BigDecimal("69900"));

    advance(Duration.ofSeconds(5));
    assertThat(loop.runDue()).isTrue();

    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(loop.interval()).isEqualTo(Duration.ofSeconds(15));
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.16"));
  }

  @Test
  void shouldTripLevelOneWhenAForeignAlgoOnAHeldSymbolSurvivesTwoCycles() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-p3");
    h.executor.enter(h.marketLong("sig-p3"));
    String foreign =
        h.server
            .exchange()
            .putAlgo(
                BTC,
                "manual1",
                "sell",
                new BigDecimal("0.13"),
                new BigDecimal("68000"),
                new BigDecimal("75000"));
    ReconciliationLoop loop = loop();

    loop.runDue();
    assertThat(loop.lastReport().orElseThrow().mismatches())
        .singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(MismatchKind.UNKNOWN_ALGO));
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH)).hasSize(1);
    assertThat(h.journal.killSwitchLevel()).isZero();

    advance(Duration.ofSeconds(15));
    loop.runDue();

    assertThat(loop.lastReport().orElseThrow().persisted()).hasSize(1);
    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH_PERSISTED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.instId()).isEqualTo(BTC);
              assertThat(e.detail()).contains("UNKNOWN_ALGO", foreign, "manual1");
            });
    assertThat(h.journal.killSwitchEvents().getLast().reason()).contains("two reconciliation");
    // the foreign algo is not ours to cancel; our own stop is untouched
    assertThat(h.liveAlgos(BTC)).hasSize(2);
    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);

    // a third cycle with the same mismatch does not trip again
    advance(Duration.ofSeconds(15));
    loop.runDue();
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH_PERSISTED)).hasSize(1);
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH)).hasSize(1);
  }

  @Test
  void shouldNotTripForAMismatchThatIsGoneByTheNextCycle() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.executor.enter(h.marketLong("sig-p4"));
    String foreign =
        h.server
            .exchange()
            .putAlgo(
                BTC,
                "manual2",
                "sell",
                new BigDecimal("0.13"),
                new BigDecimal("68000"),
                new BigDecimal("75000"));
    ReconciliationLoop loop = loop();
    loop.runDue();
    h.server.exchange().cancelAlgo(foreign);

    advance(Duration.ofSeconds(15));
    loop.runDue();
    assertThat(loop.lastReport().orElseThrow().mismatches()).isEmpty();
    advance(Duration.ofSeconds(15));
    loop.runDue();

    assertThat(h.journal.events(ExecutionEventKind.MISMATCH)).hasSize(1);
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH_PERSISTED)).isEmpty();
    assertThat(h.journal.killSwitchLevel()).isZero();
  }

  @Test
  void shouldTripLevelOneWhenThePositionSizeDiffersFromTheTradeForTwoCycles() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-p5");
    h.executor.enter(h.marketLong("sig-p5"));
    ReconciliationLoop loop = loop();
    loop.runDue();
    // someone adds to the position by hand
    h.server.exchange().putPosition(BTC, new BigDecimal("0.20"), new BigDecimal("70000"));

    advance(Duration.ofSeconds(15));
    loop.runDue();
    assertThat(h.journal.killSwitchLevel()).isZero();
    advance(Duration.ofSeconds(15));
    loop.runDue();

    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH_PERSISTED))
        .extracting(ExecutionEvent::detail)
        .anyMatch(d -> d.contains("SIZE_MISMATCH") && d.contains("0.20") && d.contains(k));
    assertThat(h.executor.enter(h.marketLong("sig-p6")).reason()).contains("kill switch level 1");
  }

  @Test
  void shouldFlattenAnOrphanThatAppearsWhileRunningWhenThePolicySaysSo() {
    h = ExecutorHarness.start(dir);
    h.settings = h.settings.withOrphanPolicy(OrphanPolicy.FLATTEN);
    h.startExecutor();
    ReconciliationLoop loop = loop();
    loop.runDue();
    h.server.exchange().putPosition(ETH, new BigDecimal("-2"), new BigDecimal("3500"));

    advance(Duration.ofSeconds(60));
    assertThat(loop.runDue()).isTrue();

    assertThat(h.position(ETH)).isZero();
    assertThat(h.journal.trades())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.status()).isEqualTo(TradeStatus.CLOSED);
              assertThat(h.journal.tradeHistory(t.tradeKey())).contains(TradeStatus.ORPHAN);
            });
    assertThat(h.alerts).anyMatch(a -> a.contains("ORPHAN") && a.contains(ETH));
    assertThat(loop.lastReport().orElseThrow().mismatches()).isEmpty();
    assertThat(h.journal.killSwitchLevel()).isZero();
  }

  @Test
  void shouldStopAndTripLevelOneForAnOrphanThatAppearsWhileRunning() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    ReconciliationLoop loop = loop();
    loop.runDue();
    h.server.exchange().putPosition(ETH, new BigDecimal("2"), new BigDecimal("3500"));

    advance(Duration.ofSeconds(60));
    loop.runDue();
    advance(Duration.ofSeconds(15));
    loop.runDue();

    assertThat(h.position(ETH)).isEqualByComparingTo("2");
    assertThat(h.journal.trades())
        .singleElement()
        .satisfies(t -> assertThat(t.status()).isEqualTo(TradeStatus.ORPHAN));
    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH_PERSISTED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("ORPHAN_POSITION"));
    // level 1 was tripped when the orphan was found; its lasting does not journal it again
    assertThat(h.journal.killSwitchEvents())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("orphan position on " + ETH));
    assertThat(loop.interval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void shouldTripLevelOneWhenAMismatchOfTheLastCycleBeforeARestartIsStillThereAtStartup() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.executor.enter(h.marketLong("sig-p9"));
    h.server
        .exchange()
        .putAlgo(
            BTC,
            "manual9",
            "sell",
            new BigDecimal("0.13"),
            new BigDecimal("68000"),
            new BigDecimal("75000"));
    h.executor.reconcile();
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH)).hasSize(1);
    assertThat(h.journal.killSwitchLevel()).isZero();

    // the startup reconciliation of the restarted bot is the second cycle
    h.restart();

    assertThat(h.journal.killSwitchLevel()).isEqualTo(1);
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH)).hasSize(1);
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH_PERSISTED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("UNKNOWN_ALGO", "manual9"));
    // and a further restart neither journals it again nor trips again
    h.restart();
    assertThat(h.journal.events(ExecutionEventKind.MISMATCH_PERSISTED)).hasSize(1);
    assertThat(h.journal.killSwitchEvents()).hasSize(1);
  }

  @Test
  void shouldNotTakeAFillOfOurWorkingEntryForAnOrphanWhenTheEntryCannotBeRead() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-p7");
    h.executor.enter(h.limitLong("sig-p7"));
    ReconciliationLoop loop = loop();
    loop.runDue();
    h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.05"), new BigDecimal("69900"));
    h.server
        .faults()
        .add("GET", "/api/v5/trade/order", new Fault.HttpStatusWithoutJson(502, false));

    advance(Duration.ofSeconds(5));
    loop.runDue();

    assertThat(h.journal.trades())
        .singleElement()
        .satisfies(t -> assertThat(t.status()).isEqualTo(TradeStatus.ENTRY_WORKING));
    assertThat(loop.lastReport().orElseThrow().mismatches())
        .singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(MismatchKind.UNPROTECTED_POSITION));
    assertThat(h.journal.killSwitchLevel()).isZero();

    advance(Duration.ofSeconds(5));
    loop.runDue();

    assertThat(h.journal.trades())
        .singleElement()
        .satisfies(t -> assertThat(t.status()).isEqualTo(TradeStatus.OPEN_PROTECTED));
    assertThat(loop.lastReport().orElseThrow().mismatches()).isEmpty();
    assertThat(h.journal.killSwitchLevel()).isZero();
    assertThat(h.position(BTC)).isEqualByComparingTo("0.05");
    h.assertNoDuplicateExposure(k, BTC, new BigDecimal("0.16"));
  }

  @Test
  void shouldRunCyclesAndRefreshesOnTheirOwnCadenceInTheProductionLoop() throws Exception {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    DeadManSwitch deadMan =
        new DeadManSwitch(h.client, h.journal, h.alerts::add, h.clock, DeadManSettings.DEFAULT);
    ReconciliationLoop loop =
        new ReconciliationLoop(
            h.executor, ReconciliationSchedule.DEFAULT, h.clock, Optional.of(deadMan));
    Instant start = h.now.get();
    int positionsBefore = positionReads();
    List<Duration> waits = new ArrayList<>();

    // two idle minutes on simulated time
    loop.run(
        () -> h.now.get().isBefore(start.plusSeconds(120)),
        d -> {
          waits.add(d);
          advance(d);
        });

    assertThat(waits).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0 && d.isPositive());
    // cycles at 0, 60 and 120 s minus the one at 120 (the loop stopped): each reads positions
    // twice (before and after acting)
    assertThat(positionReads() - positionsBefore).isEqualTo(4);
    // refreshes at 0, 15, ..., 105 s
    assertThat(h.server.requests("POST", "/api/v5/trade/cancel-all-after")).hasSize(8);
    assertThat(deadMan.state()).isEqualTo(DeadManState.ARMED);
  }
}
