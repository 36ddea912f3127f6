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
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.FillRecord;
import org.smc4j.trading.execution.FundingRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.EntryKind;

/**
 * Issue 11 item 4: fills and funding bills past OKX's first page of 100, read back through the
 * {@code after} cursor, journaled exactly once across restarts.
 */
class LedgerPagingTest {

  private static final String ETH = ExecutorHarness.ETH_ID;
  private static final String BTC = ExecutorHarness.BTC_ID;
  private static final String FILLS = "/api/v5/trade/fills";
  private static final String BILLS = "/api/v5/account/bills";

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  /** An ETH post-only entry of 2.5 contracts, so 250 fills of 0.01 can fill it. */
  private EntryRequest ethLimit(String signalId) {
    return new EntryRequest(
        signalId,
        ETH,
        Side.LONG,
        EntryKind.LIMIT,
        new BigDecimal("3490"),
        new BigDecimal("3400"),
        new BigDecimal("3700"),
        new BigDecimal("2.5"),
        new BigDecimal("1.0"),
        h.now.get().plusSeconds(300));
  }

  @Test
  void shouldImportTwoHundredFiftyFillsMadeWhileTheBotWasDownExactlyOnceAcrossRestarts() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-f1");
    h.executor.enter(ethLimit("sig-f1"));
    for (int i = 0; i < 250; i++) {
      h.server.exchange().fillOrder(k + "E1", new BigDecimal("0.01"), new BigDecimal("3490"));
    }
    int before = h.server.requests("GET", FILLS).size();

    h.restart();

    assertThat(h.journal.fills()).filteredOn(f -> f.tradeKey().equals(k)).hasSize(250);
    assertThat(
            h.journal.fills().stream()
                .map(FillRecord::fillSz)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("2.5");
    assertThat(
            h.server.requests("GET", FILLS).subList(before, h.server.requests("GET", FILLS).size()))
        .anyMatch(r -> r.requestPath().contains("after="));
    assertThat(h.journal.cursor("fills")).isPresent();
    assertThat(h.journal.trade(k).orElseThrow().status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.journal.trade(k).orElseThrow().filledSz()).isEqualByComparingTo("2.5");

    int afterFirst = h.server.requests("GET", FILLS).size();
    h.restart();

    assertThat(h.journal.fills()).hasSize(250);
    // the cursor stops the second import at its first page
    assertThat(h.server.requests("GET", FILLS).size() - afterFirst).isEqualTo(1);
    h.assertNoDuplicateExposure(k, ETH, new BigDecimal("2.5"));
    assertThat(h.liveAlgos(ETH)).hasSize(1);
  }

  @Test
  void shouldJournalTwoHundredThirtyFundingBillsOnceAndCountThemInTheDailyLoss() {
    h = ExecutorHarness.start(dir);
    h.settings = ExecutionSettings.defaults(new BigDecimal("100"), 5);
    h.startExecutor();
    String k = ClientOrderId.signalKey("sig-f2");
    h.executor.enter(h.marketLong("sig-f2"));
    Instant opened = h.journal.trade(k).orElseThrow().openedAt().orElseThrow();
    for (int i = 1; i <= 230; i++) {
      h.server
          .exchange()
          .addFundingBill(
              BTC,
              new BigDecimal("-0.01"),
              new BigDecimal("70000"),
              new BigDecimal("0.13"),
              opened.plusMillis(i));
    }
    // the first read of the bills fails: nothing is imported and the cursor does not move
    h.server.faults().add("GET", BILLS, new Fault.HttpStatusWithoutJson(502, false));
    h.executor.reconcile();
    assertThat(h.journal.funding()).isEmpty();
    assertThat(h.journal.cursor("funding")).isEmpty();

    h.executor.reconcile();
    h.restart();
    h.executor.reconcile();

    assertThat(h.journal.funding()).hasSize(230).allMatch(f -> f.tradeKey().equals(k));
    assertThat(h.journal.funding().stream().map(FundingRecord::billId).distinct()).hasSize(230);
    BigDecimal fees =
        h.journal.fills().stream().map(FillRecord::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(h.journal.dailyLoss(LocalDate.ofInstant(opened, ZoneOffset.UTC)).realised())
        .isEqualByComparingTo(fees.add(new BigDecimal("-2.30")));
    assertThat(h.server.requests("GET", BILLS)).anyMatch(r -> r.requestPath().contains("after="));
  }
}
