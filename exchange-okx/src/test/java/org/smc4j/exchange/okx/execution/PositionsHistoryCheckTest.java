package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.PositionHistory;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Design section 15.12: each closed trade cross-checked against OKX's positions-history, and trades
 * closed while the bot was down (their exit fills gone from {@code /trade/fills}) completed from
 * it.
 */
class PositionsHistoryCheckTest {

  private static final String BTC = ExecutorHarness.BTC_ID;

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private PositionHistory okxRow() {
    return h.client.positionsHistory("SWAP", BTC).orElseThrow().getFirst();
  }

  @Test
  void shouldAgreeWithThePositionsHistoryForATradeClosedByItsTargetWithFunding() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-h1");
    h.executor.enter(h.marketLong("sig-h1"));
    Instant opened = h.journal.trade(k).orElseThrow().openedAt().orElseThrow();
    h.server
        .exchange()
        .addFundingBill(
            BTC,
            new BigDecimal("-0.05"),
            new BigDecimal("70000"),
            new BigDecimal("0.13"),
            opened.plusMillis(1));
    h.server.exchange().moveLastPrice(BTC, new BigDecimal("72000"));

    h.executor.reconcile();

    TradeRecord trade = h.journal.trade(k).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
    TradeResult result = trade.result().orElseThrow();
    assertThat(result.funding()).isEqualByComparingTo("0.05");
    assertThat(result.netPnl()).isEqualByComparingTo(okxRow().realizedPnl());
    assertThat(h.journal.events(ExecutionEventKind.PNL_CROSS_CHECKED))
        .singleElement()
        .satisfies(
            e -> assertThat(e.detail()).startsWith("trade " + k + ":").contains("difference 0"));
    // checked once: a later cycle and a restart do not check it again
    h.executor.reconcile();
    h.restart();
    assertThat(h.journal.events(ExecutionEventKind.PNL_CROSS_CHECKED)).hasSize(1);
    assertThat(h.journal.events(ExecutionEventKind.PNL_CROSS_CHECK_MISMATCH)).isEmpty();
  }

  @Test
  void shouldTakeTheResultFromThePositionsHistoryWhenTheStopFilledWhileTheBotWasDownTooLong() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-h2");
    h.executor.enter(h.marketLong("sig-h2"));
    h.journal.close();
    h.journal = null;
    // while the bot is down the stop fills, and more than three days pass
    h.server.exchange().moveLastPrice(BTC, new BigDecimal("68900"));
    h.server.exchange().ageOutFills();

    h.startExecutor();

    TradeRecord trade = h.journal.trade(k).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
    TradeResult result = trade.result().orElseThrow();
    PositionHistory row = okxRow();
    assertThat(result.exitReason()).isEqualTo("STOP");
    assertThat(result.exitPx()).isEqualByComparingTo("68900");
    assertThat(result.grossPnl()).isEqualByComparingTo(row.pnl()).isEqualByComparingTo("-1.43");
    assertThat(result.netPnl()).isEqualByComparingTo(row.realizedPnl());
    assertThat(trade.closedAt()).contains(row.uTime());
    assertThat(h.journal.events(ExecutionEventKind.PNL_FROM_POSITIONS_HISTORY))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains(k, row.posId()));
    assertThat(h.position(BTC)).isZero();
    assertThat(h.liveAlgos(BTC)).isEmpty();
  }

  @Test
  void shouldFindTheRowOfATradeBehindAFullPageOfNewerClosedPositions() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-h5");
    h.executor.enter(h.marketLong("sig-h5"));
    h.journal.close();
    h.journal = null;
    // while the bot is down the stop fills, then 120 ETH positions are opened and closed by hand
    // (one millisecond apart), and more than three days pass
    h.server.exchange().moveLastPrice(BTC, new BigDecimal("68900"));
    PositionHistory row = okxRow();
    for (int i = 1; i <= 120; i++) {
      h.server.setClockSkew(Duration.ofMillis(i));
      h.server
          .exchange()
          .tradeRoundTrips(
              ExecutorHarness.ETH_ID, 1, new BigDecimal("0.1"), new BigDecimal("3500"));
    }
    h.server.setClockSkew(Duration.ZERO);
    h.server.exchange().ageOutFills();
    assertThat(h.client.positionsHistory("SWAP", "").orElseThrow())
        .hasSize(100)
        .noneMatch(r -> r.instId().equals(BTC));
    int requestsBefore = h.server.requests("GET", "/api/v5/account/positions-history").size();

    h.startExecutor();

    TradeRecord trade = h.journal.trade(k).orElseThrow();
    assertThat(trade.status()).isEqualTo(TradeStatus.CLOSED);
    TradeResult result = trade.result().orElseThrow();
    assertThat(result.exitReason()).isEqualTo("STOP");
    assertThat(result.netPnl()).isEqualByComparingTo(row.realizedPnl());
    assertThat(h.journal.events(ExecutionEventKind.PNL_FROM_POSITIONS_HISTORY))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains(k, row.posId()));
    // the bot read past the first page
    assertThat(h.server.requests("GET", "/api/v5/account/positions-history"))
        .hasSizeGreaterThanOrEqualTo(requestsBefore + 2);
  }

  @Test
  void shouldJournalALiquidationWhileTheBotWasDownWithThatReason() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-h3");
    h.executor.enter(h.marketLong("sig-h3"));
    h.journal.close();
    h.journal = null;
    h.server.exchange().liquidate(BTC, new BigDecimal("64000"), false);
    h.server.exchange().ageOutFills();

    h.startExecutor();

    TradeResult result = h.journal.trade(k).orElseThrow().result().orElseThrow();
    assertThat(result.exitReason()).isEqualTo("LIQUIDATION_OR_ADL");
    assertThat(result.netPnl()).isEqualByComparingTo(okxRow().realizedPnl());
    assertThat(okxRow().type()).isEqualTo("3");
    assertThat(h.liveAlgos(BTC)).isEmpty();
  }

  @Test
  void shouldReportAMismatchWhenOkxCountsFundingTheJournalCouldNotAssign() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-h4");
    h.executor.enter(h.marketLong("sig-h4"));
    Instant opened = h.journal.trade(k).orElseThrow().openedAt().orElseThrow();
    // a bill stamped before the trade opened (a clock problem): OKX books it on the position
    h.server
        .exchange()
        .addFundingBill(
            BTC,
            new BigDecimal("-0.50"),
            new BigDecimal("70000"),
            new BigDecimal("0.13"),
            opened.minusSeconds(3600));
    h.server.exchange().moveLastPrice(BTC, new BigDecimal("72000"));

    h.executor.reconcile();

    assertThat(h.journal.events(ExecutionEventKind.PNL_CROSS_CHECK_MISMATCH))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains(k, "difference 0.5"));
    assertThat(h.alerts).anyMatch(a -> a.contains("P&L cross-check") && a.contains(k));
    assertThat(h.journal.funding())
        .singleElement()
        .satisfies(f -> assertThat(f.tradeKey()).isEmpty());
  }
}
