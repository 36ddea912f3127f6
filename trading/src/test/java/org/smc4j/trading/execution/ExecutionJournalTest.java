package org.smc4j.trading.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;

class ExecutionJournalTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path dir;

  private static TradeRecord trade(String key) {
    return TradeRecord.signalled(
        key,
        "sig-" + key,
        "BTC-USDT-SWAP",
        Side.LONG,
        EntryKind.MARKET_NEXT_OPEN,
        new BigDecimal("70000"),
        new BigDecimal("69000"),
        new BigDecimal("72000"),
        new BigDecimal("0.1"),
        new BigDecimal("0.01"),
        new BigDecimal("1"),
        T0.plusSeconds(60),
        T0);
  }

  private static OrderRecord entry(String key) {
    return OrderRecord.intent(
        key + "E1",
        key,
        "E",
        "BTC-USDT-SWAP",
        "buy",
        "market",
        new BigDecimal("0.1"),
        Optional.empty(),
        Optional.of(new BigDecimal("69000")),
        Optional.of(new BigDecimal("72000")),
        false,
        Optional.of(T0.plusSeconds(5)),
        T0);
  }

  @Test
  void shouldCommitTheTradeAndTheWriteAheadIntentTogetherAndKeepThemAcrossReopen() {
    Path file = dir.resolve("j.sqlite");
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      journal.beginTrade(trade("k1"), entry("k1"));
      journal.updateOrder(
          "k1E1", OrderStatus.SUBMITTED_UNKNOWN, "50013", "busy", "", Optional.empty(), T0);
    }
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.trade("k1").orElseThrow().status()).isEqualTo(TradeStatus.ENTRY_WORKING);
      assertThat(journal.tradeHistory("k1"))
          .containsExactly(TradeStatus.SIGNALLED, TradeStatus.ENTRY_WORKING);
      assertThat(journal.order("k1E1").orElseThrow().status())
          .isEqualTo(OrderStatus.SUBMITTED_UNKNOWN);
      assertThat(journal.orderTransitions("k1E1"))
          .extracting(OrderTransition::to, OrderTransition::code)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(OrderStatus.PENDING_SUBMIT, ""),
              org.assertj.core.groups.Tuple.tuple(OrderStatus.SUBMITTED_UNKNOWN, "50013"));
    }
  }

  @Test
  void shouldRollBackTheTradeWhenItsIntentCannotBeWritten() {
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("j.sqlite"))) {
      journal.beginTrade(trade("k1"), entry("k1"));
      // a second trade whose entry reuses an existing client id must leave nothing behind
      assertThatThrownBy(() -> journal.beginTrade(trade("k2"), entry("k1")))
          .isInstanceOf(RuntimeException.class);
      assertThat(journal.trade("k2")).isEmpty();
    }
  }

  @Test
  void shouldJournalFillsAndFundingBillsOnceAndSumTheDay() {
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("j.sqlite"))) {
      FillRecord fill =
          new FillRecord(
              "t1",
              "k1",
              "BTC-USDT-SWAP",
              "o1",
              "",
              "sell",
              new BigDecimal("69000"),
              new BigDecimal("0.1"),
              new BigDecimal("-1.0"),
              new BigDecimal("-0.03"),
              T0);
      assertThat(journal.addFill(fill)).isTrue();
      assertThat(journal.addFill(fill)).isFalse();
      FundingRecord bill =
          new FundingRecord("b1", "k1", "BTC-USDT-SWAP", new BigDecimal("-0.02"), T0);
      assertThat(journal.addFunding(bill)).isTrue();
      assertThat(journal.addFunding(bill)).isFalse();
      journal.beginTrade(trade("k2"), entry("k2"));

      DailyLoss day = journal.dailyLoss(LocalDate.of(2026, 3, 2));

      assertThat(day.realised()).isEqualByComparingTo("-1.05");
      assertThat(day.openRisk()).isEqualByComparingTo("1");
      assertThat(day.openTrades()).isEqualTo(1);
      assertThat(day.committed()).isEqualByComparingTo("-2.05");
      assertThat(journal.dailyLoss(LocalDate.of(2026, 3, 3)).realised()).isEqualByComparingTo("0");
    }
  }

  @Test
  void shouldKeepTheKillSwitchTrippedAcrossRestartsUntilCleared() {
    Path file = dir.resolve("j.sqlite");
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      journal.tripKillSwitch(2, "trade stop --level 2", T0);
    }
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.killSwitchLevel()).isEqualTo(2);
      journal.clearKillSwitch(T0.plusSeconds(1));
      assertThat(journal.killSwitchLevel()).isZero();
      assertThat(journal.killSwitchEvents()).hasSize(1);
    }
  }

  @Test
  void shouldRefuseAJournalMadeInAnotherEnvironment() {
    Path file = dir.resolve("j.sqlite");
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      journal.bindEnvironment(TradingEnvironment.DEMO);
    }
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.environment()).contains(TradingEnvironment.DEMO);
      assertThatThrownBy(() -> journal.bindEnvironment(TradingEnvironment.LIVE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("was made in demo but the configured environment is live");
    }
  }

  @Test
  void shouldComputeNetPnlAndRFromTheParts() {
    TradeResult result =
        TradeResult.of(
            new BigDecimal("69000"),
            "STOP",
            new BigDecimal("-1.00"),
            new BigDecimal("0.07"),
            new BigDecimal("0.02"),
            new BigDecimal("1.1"));
    assertThat(result.netPnl()).isEqualByComparingTo("-1.09");
    assertThat(result.rNet()).isEqualByComparingTo("-0.990909");
    assertThat(result.rGross()).isEqualByComparingTo("-0.909091");
  }

  @Test
  void shouldKeepPoiMapLeverageCursorsAndEventsAcrossReopen() {
    Path file = dir.resolve("state.sqlite");
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      journal.beginTrade(trade("k5"), entry("k5"));
      journal.mapPoi("poi-1", "k5", T0);
      journal.mapPoi("poi-1", "other", T0.plusSeconds(1));
      journal.recordLeverage(
          new LeverageRecord("BTC-USDT-SWAP", "cross", new BigDecimal("12"), T0), "stop 1.4 %");
      journal.setCursor("fills", "123");
      journal.setCursor("fills", "456");
      journal.addEventAndTrip(
          new ExecutionEvent(
              ExecutionEventKind.MISMATCH_PERSISTED, "BTC-USDT-SWAP", "orphan twice", T0),
          1);
    }
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.tradeOfPoi("poi-1")).contains("k5");
      assertThat(journal.tradeOfPoi("poi-2")).isEmpty();
      assertThat(journal.leverage("BTC-USDT-SWAP"))
          .hasValueSatisfying(l -> assertThat(l.lever()).isEqualByComparingTo("12"));
      assertThat(journal.leverage("ETH-USDT-SWAP")).isEmpty();
      assertThat(journal.cursor("fills")).contains("456");
      assertThat(journal.cursor("funding")).isEmpty();
      assertThat(journal.events())
          .extracting(ExecutionEvent::kind)
          .containsExactly(ExecutionEventKind.LEVERAGE_SET, ExecutionEventKind.MISMATCH_PERSISTED);
      assertThat(journal.killSwitchLevel()).isEqualTo(1);
      assertThat(journal.killSwitchEvents().getFirst().reason()).isEqualTo("orphan twice");
    }
  }

  @Test
  void shouldRejectALeverageBelowOne() {
    assertThatThrownBy(
            () -> new LeverageRecord("BTC-USDT-SWAP", "cross", new BigDecimal("0.5"), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lever of BTC-USDT-SWAP must be >= 1, was 0.5");
  }

  @Test
  void shouldKeepFillsOfTwoInstrumentsThatShareATradeId() {
    try (ExecutionJournal journal = ExecutionJournal.open(dir.resolve("fills.sqlite"))) {
      assertThat(journal.addFill(fill("BTC-USDT-SWAP", "42"))).isTrue();
      assertThat(journal.addFill(fill("ETH-USDT-SWAP", "42"))).isTrue();
      assertThat(journal.addFill(fill("ETH-USDT-SWAP", "42"))).isFalse();
      assertThat(journal.fills())
          .extracting(FillRecord::instId)
          .containsExactly("BTC-USDT-SWAP", "ETH-USDT-SWAP");
    }
  }

  @Test
  void shouldKeepTheOpenMismatchesOfTheLastCycleAcrossReopenUntilReplaced() {
    Path file = dir.resolve("mismatches.sqlite");
    OpenMismatch algo =
        new OpenMismatch("UNKNOWN_ALGO BTC-USDT-SWAP", "BTC-USDT-SWAP", "live algo 9", T0, false);
    OpenMismatch size =
        new OpenMismatch("SIZE_MISMATCH ETH-USDT-SWAP", "ETH-USDT-SWAP", "2 vs 1", T0, true);
    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.openMismatches()).isEmpty();
      journal.replaceOpenMismatches(List.of(size, algo));
    }

    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.openMismatches()).containsExactly(size, algo);
      journal.replaceOpenMismatches(List.of(algo.withHandled()));
      assertThat(journal.openMismatches())
          .singleElement()
          .satisfies(m -> assertThat(m.handled()).isTrue());
      journal.replaceOpenMismatches(List.of());
      assertThat(journal.openMismatches()).isEmpty();
    }
  }

  @Test
  void shouldMigrateASchemaOneJournalAndKeepItsFills() throws Exception {
    Path file = dir.resolve("v1.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE exec_schema_version (version INTEGER NOT NULL)");
      st.execute("INSERT INTO exec_schema_version (version) VALUES (1)");
      st.execute(
          "CREATE TABLE exec_fills (trade_id TEXT PRIMARY KEY, trade_key TEXT NOT NULL,"
              + " inst_id TEXT NOT NULL, ord_id TEXT NOT NULL, cl_ord_id TEXT NOT NULL,"
              + " side TEXT NOT NULL, fill_px TEXT NOT NULL, fill_sz TEXT NOT NULL,"
              + " fill_pnl TEXT NOT NULL, fee TEXT NOT NULL, fill_time TEXT NOT NULL)");
      st.execute(
          "INSERT INTO exec_fills VALUES ('7', 'k1', 'BTC-USDT-SWAP', 'o1', 'c1', 'buy',"
              + " '70000', '0.1', '0', '-0.35', '2026-03-02T10:00:00Z')");
    }

    try (ExecutionJournal journal = ExecutionJournal.open(file)) {
      assertThat(journal.fills())
          .singleElement()
          .satisfies(f -> assertThat(f.fee()).isEqualByComparingTo("-0.35"));
      assertThat(journal.addFill(fill("ETH-USDT-SWAP", "7"))).isTrue();
      assertThat(journal.cursor("fills")).isEmpty();
    }
  }

  private static FillRecord fill(String instId, String tradeId) {
    return new FillRecord(
        tradeId,
        "k1",
        instId,
        "o-" + instId,
        "",
        "buy",
        new BigDecimal("100"),
        new BigDecimal("1"),
        BigDecimal.ZERO,
        new BigDecimal("-0.05"),
        T0);
  }
}
