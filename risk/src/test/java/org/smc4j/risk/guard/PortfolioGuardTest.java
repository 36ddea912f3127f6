package org.smc4j.risk.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.PositionSizer;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;

class PortfolioGuardTest {

  /** A clock the test moves by hand. */
  private static final class TestClock extends Clock {
    private Instant now;

    TestClock(String start) {
      this.now = Instant.parse(start);
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(String instant) {
      now = Instant.parse(instant);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the test clock stays in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final BigDecimal PLENTY = new BigDecimal("1000");

  private static TradeProposal trade(String symbol, String risk) {
    return new TradeProposal(
        symbol, Side.LONG, new BigDecimal("0.37"), new BigDecimal(risk), new BigDecimal("24.05"));
  }

  private static List<GuardRefusal> refusals(GuardDecision d) {
    assertThat(d).isInstanceOf(GuardDecision.Rejected.class);
    return ((GuardDecision.Rejected) d).refusals();
  }

  @Test
  void shouldApproveAndRecordAPositionWhenEveryGuardPasses() {
    TestClock clock = new TestClock("2026-03-02T10:00:00Z");
    PortfolioGuard book = new PortfolioGuard(GuardLimits.DEFAULT, clock);
    assertThat(book.check(trade("BTC-USDT-SWAP", "1"), PLENTY).approved()).isTrue();
    assertThat(book.openPositions()).isEmpty();
    assertThat(book.open(trade("BTC-USDT-SWAP", "1"), PLENTY).approved()).isTrue();
    assertThat(book.openPositions()).hasSize(1);
    assertThat(book.openPositions().get(0).openedAt()).isEqualTo(clock.instant());
    assertThat(book.openRisk()).isEqualByComparingTo("1");
  }

  @Test
  void shouldAcceptAProposalMadeFromASizedResult() {
    ContractSpec btc =
        new ContractSpec(
            "BTC-USDT-SWAP",
            ContractType.LINEAR,
            "USDT",
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            "BTC",
            new BigDecimal("0.1"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            new BigDecimal("100000000"),
            new BigDecimal("12000"),
            InstrumentState.LIVE);
    SizingResult.Sized s =
        (SizingResult.Sized)
            new PositionSizer(SizingParameters.DEFAULT).size(Side.LONG, 65000, 64800, btc);
    TradeProposal p = TradeProposal.from(s);
    assertThat(p.symbol()).isEqualTo("BTC-USDT-SWAP");
    assertThat(p.contracts()).isEqualByComparingTo("0.37");
    assertThat(p.riskUsd()).isEqualByComparingTo("0.980499815");
    assertThat(p.initialMargin()).isEqualByComparingTo("24.05");
    PortfolioGuard book =
        new PortfolioGuard(GuardLimits.DEFAULT, new TestClock("2026-03-02T10:00:00Z"));
    // 24.05 margin needed, 24.04 available: refused by the margin guard alone.
    assertThat(refusals(book.check(p, new BigDecimal("24.04"))))
        .containsExactly(
            new GuardRefusal(
                Guard.MARGIN, "initial margin 24.05 is more than the 24.04 available"));
    assertThat(book.check(p, new BigDecimal("24.05")).approved()).isTrue();
  }

  @Test
  void shouldRefuseASecondPositionInTheSameSymbol() {
    PortfolioGuard book =
        new PortfolioGuard(GuardLimits.DEFAULT, new TestClock("2026-03-02T10:00:00Z"));
    book.open(trade("BTC-USDT-SWAP", "1"), PLENTY);
    assertThat(refusals(book.open(trade("BTC-USDT-SWAP", "1"), PLENTY)))
        .containsExactly(
            new GuardRefusal(
                Guard.ONE_POSITION_PER_SYMBOL,
                "BTC-USDT-SWAP already has an open long position of 0.37 contracts since"
                    + " 2026-03-02T10:00:00Z"));
    assertThat(book.openPositions()).hasSize(1);
  }

  @Test
  void shouldRefuseBeyondMaxConcurrentTradesAndMaxOpenRisk() {
    GuardLimits limits = new GuardLimits(new BigDecimal("100"), 10, 2, new BigDecimal("2.5"), 0);
    PortfolioGuard book = new PortfolioGuard(limits, new TestClock("2026-03-02T10:00:00Z"));
    assertThat(book.open(trade("A", "1"), PLENTY).approved()).isTrue();
    assertThat(book.open(trade("B", "1"), PLENTY).approved()).isTrue();
    assertThat(refusals(book.check(trade("C", "1"), PLENTY)))
        .containsExactly(
            new GuardRefusal(Guard.MAX_CONCURRENT_TRADES, "2 positions are open, the limit is 2"),
            new GuardRefusal(
                Guard.MAX_OPEN_RISK,
                "open risk 2 + this trade's risk 1 = 3 would exceed the open-risk limit 2.5"));
    book.close("A", new BigDecimal("1.5"));
    // Open risk 1 (B) + 1.5 = 2.5: exactly the limit, allowed; 1.6 is over it.
    assertThat(book.check(trade("C", "1.5"), PLENTY).approved()).isTrue();
    assertThat(refusals(book.check(trade("C", "1.6"), PLENTY)))
        .extracting(GuardRefusal::guard)
        .containsExactly(Guard.MAX_OPEN_RISK);
  }

  @Test
  void shouldRefuseWhenTodaysLossPlusOpenRiskPlusTheTradeWouldExceedTheDailyLimit() {
    GuardLimits limits = new GuardLimits(new BigDecimal("3"), 10, 5, new BigDecimal("10"), 0);
    TestClock clock = new TestClock("2026-03-02T09:00:00Z");
    PortfolioGuard book = new PortfolioGuard(limits, clock);
    book.open(trade("A", "1"), PLENTY);
    book.close("A", new BigDecimal("-1.2"));
    book.open(trade("B", "1"), PLENTY);
    book.close("B", new BigDecimal("0.4"));
    // Net today: -1.2 + 0.4 = -0.8 loss.
    assertThat(book.realisedLossToday()).isEqualByComparingTo("0.8");
    book.open(trade("C", "1.1"), PLENTY);
    // 0.8 + 1.1 open + 1.1 new = 3.0: exactly the limit, allowed.
    assertThat(book.check(trade("D", "1.1"), PLENTY).approved()).isTrue();
    assertThat(refusals(book.check(trade("D", "1.2"), PLENTY)))
        .containsExactly(
            new GuardRefusal(
                Guard.DAILY_LOSS,
                "trading day 2026-03-02: realised loss 0.8 + open risk 1.1 + this trade's risk 1.2"
                    + " = 3.1 would exceed the daily loss limit 3"));
  }

  @Test
  void shouldStopAfterTheDailyNumberOfLosingTradesAndResetAtTheConfiguredHour() {
    // Days start at 08:00 UTC.
    GuardLimits limits = new GuardLimits(new BigDecimal("100"), 2, 5, new BigDecimal("10"), 8);
    TestClock clock = new TestClock("2026-03-02T08:00:00Z");
    PortfolioGuard book = new PortfolioGuard(limits, clock);
    book.open(trade("A", "1"), PLENTY);
    book.close("A", new BigDecimal("-1"));
    book.open(trade("A", "1"), PLENTY);
    book.close("A", BigDecimal.ZERO);
    clock.set("2026-03-03T07:59:59Z");
    book.open(trade("A", "1"), PLENTY);
    book.close("A", new BigDecimal("-0.5"));
    // Still the trading day that started 2026-03-02 08:00: two losers (a flat trade is no loser).
    assertThat(book.losingTradesToday()).isEqualTo(2);
    assertThat(refusals(book.check(trade("B", "1"), PLENTY)))
        .containsExactly(
            new GuardRefusal(
                Guard.DAILY_LOSING_TRADES,
                "trading day 2026-03-02: 2 losing trades closed, the limit is 2"));
    clock.advance(Duration.ofSeconds(1));
    // 2026-03-03T08:00Z starts a new trading day.
    assertThat(book.tradingDay(clock.instant())).isEqualTo(LocalDate.parse("2026-03-03"));
    assertThat(book.losingTradesToday()).isZero();
    assertThat(book.realisedLossToday()).isEqualByComparingTo("0");
    assertThat(book.check(trade("B", "1"), PLENTY).approved()).isTrue();
  }

  @Test
  void shouldListEveryFailedGuardInGuardOrder() {
    // Every guard but MAX_CONCURRENT_TRADES (after a losing close no new position can open, so
    // the book cannot be full and past its losing-trade limit at once; that guard is tested above).
    GuardLimits limits = new GuardLimits(new BigDecimal("1"), 1, 5, new BigDecimal("1"), 0);
    PortfolioGuard book = new PortfolioGuard(limits, new TestClock("2026-03-02T10:00:00Z"));
    book.open(trade("A", "0.3"), PLENTY);
    book.open(trade("B", "0.5"), PLENTY);
    book.close("A", new BigDecimal("-0.5"));
    // Realised 0.5 + open 0.5 + 0.6 = 1.6 > 1; 1 loser; open 0.5 + 0.6 > 1; B is open; 24.05 > 1.
    assertThat(refusals(book.check(trade("B", "0.6"), BigDecimal.ONE)))
        .extracting(GuardRefusal::guard)
        .containsExactly(
            Guard.DAILY_LOSS,
            Guard.DAILY_LOSING_TRADES,
            Guard.MAX_OPEN_RISK,
            Guard.ONE_POSITION_PER_SYMBOL,
            Guard.MARGIN);
  }

  @Test
  void shouldRejectClosingAnUnknownPositionAndAClockGoingBack() {
    TestClock clock = new TestClock("2026-03-02T10:00:00Z");
    PortfolioGuard book = new PortfolioGuard(GuardLimits.DEFAULT, clock);
    book.open(trade("A", "1"), PLENTY);
    assertThatThrownBy(() -> book.close("B", BigDecimal.ONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no open position in B to close; open: [A]");
    clock.set("2026-03-01T10:00:00Z");
    assertThatThrownBy(() -> book.check(trade("C", "1"), PLENTY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "clock went back from trading day 2026-03-02 to 2026-03-01; time must not decrease");
  }

  @Test
  void shouldValidateLimitsAndProposals() {
    assertThatThrownBy(() -> new GuardLimits(BigDecimal.ZERO, 1, 1, BigDecimal.ONE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDailyLossUsd must be > 0, was 0");
    assertThatThrownBy(() -> new GuardLimits(BigDecimal.ONE, 0, 1, BigDecimal.ONE, 0))
        .hasMessage("maxDailyLosingTrades must be >= 1, was 0");
    assertThatThrownBy(() -> new GuardLimits(BigDecimal.ONE, 1, 0, BigDecimal.ONE, 0))
        .hasMessage("maxConcurrentTrades must be >= 1, was 0");
    assertThatThrownBy(() -> new GuardLimits(BigDecimal.ONE, 1, 1, new BigDecimal("-1"), 0))
        .hasMessage("maxOpenRiskUsd must be > 0, was -1");
    assertThatThrownBy(() -> new GuardLimits(BigDecimal.ONE, 1, 1, BigDecimal.ONE, 24))
        .hasMessage("dayStartHourUtc must be in [0, 23], was 24");
    assertThatThrownBy(
            () -> new TradeProposal(" ", Side.LONG, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbol must not be blank");
    assertThatThrownBy(
            () ->
                new TradeProposal("A", Side.LONG, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE))
        .hasMessage("contracts must be > 0, was 0");
    assertThatThrownBy(
            () ->
                new TradeProposal("A", Side.LONG, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE))
        .hasMessage("riskUsd must be > 0, was 0");
    assertThatThrownBy(
            () ->
                new TradeProposal(
                    "A", Side.LONG, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("-1")))
        .hasMessage("initialMargin must be >= 0, was -1");
    assertThatThrownBy(() -> new GuardRefusal(Guard.MARGIN, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message must not be blank");
    assertThatThrownBy(() -> new GuardDecision.Rejected(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refusals must not be empty");
  }

  @Test
  void shouldDecideAfterARestoreAsTheBookItWasSavedFrom() {
    TestClock clock = new TestClock("2026-03-02T10:00:00Z");
    GuardLimits limits = new GuardLimits(new BigDecimal("100"), 10, 2, new BigDecimal("2.5"), 0);
    PortfolioGuard saved = new PortfolioGuard(limits, clock);
    saved.open(trade("BTC-USDT-SWAP", "1"), PLENTY);
    saved.open(trade("ETH-USDT-SWAP", "1"), PLENTY);
    saved.close("ETH-USDT-SWAP", new BigDecimal("-1.2"));
    GuardBook book = saved.book();

    PortfolioGuard restored = new PortfolioGuard(limits, clock);
    restored.restore(book);

    assertThat(restored.book()).isEqualTo(book);
    assertThat(restored.openRisk()).isEqualByComparingTo("1");
    assertThat(restored.losingTradesToday()).isEqualTo(1);
    assertThat(restored.realisedLossToday()).isEqualByComparingTo("1.2");
    // open risk 1 + 1 fits the limit 2.5; a third dollar would not
    assertThat(restored.open(trade("SOL-USDT-SWAP", "1"), PLENTY).approved()).isTrue();
    assertThat(refusals(restored.check(trade("XRP-USDT-SWAP", "1"), PLENTY)))
        .extracting(GuardRefusal::guard)
        .contains(Guard.MAX_OPEN_RISK);
    assertThat(restored.book().open()).hasSize(2);
    // the day rolls as the saved book would have
    clock.set("2026-03-03T10:00:00Z");
    assertThat(restored.losingTradesToday()).isZero();
  }

  @Test
  void shouldRejectABookWithASymbolTwiceOrANegativeLoserCount() {
    OpenPosition p = new OpenPosition(trade("BTC-USDT-SWAP", "1"), Instant.EPOCH);
    LocalDate day = LocalDate.parse("2026-03-02");

    assertThatThrownBy(() -> new GuardBook(List.of(p, p), day, BigDecimal.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one position per symbol: the book lists [BTC-USDT-SWAP, BTC-USDT-SWAP]");
    assertThatThrownBy(() -> new GuardBook(List.of(p), day, BigDecimal.ZERO, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dayLosers must be >= 0, was -1");
  }
}
