package org.smc4j.risk.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.smc4j.core.signal.Side;

/**
 * Random sequences of open/close/time steps against random limits: whatever happens, the book never
 * holds more positions or more open risk than allowed, never two positions in one symbol, and never
 * opens a trade that could take the day past its loss limit or after the losing-trade limit.
 */
class PortfolioGuardPropertyTest {

  /** One step: open a symbol with a risk, close it with a P&amp;L, or let hours pass. */
  record Step(int kind, int symbol, BigDecimal amount, int hours) {}

  /** A clock moved by the property. */
  private static final class StepClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Provide
  Arbitrary<GuardLimits> limits() {
    return Combinators.combine(
            Arbitraries.of("2", "3", "5").map(BigDecimal::new),
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 4),
            Arbitraries.of("1.1", "2.2", "3.3").map(BigDecimal::new),
            Arbitraries.integers().between(0, 23))
        .as(GuardLimits::new);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4),
                Arbitraries.of("-1.3", "-1", "-0.4", "0", "0.5", "1.1", "2").map(BigDecimal::new),
                Arbitraries.integers().between(1, 30))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 500)
  void theBookNeverBreaksItsLimits(
      @ForAll("limits") GuardLimits limits, @ForAll("steps") List<Step> steps) {
    StepClock clock = new StepClock();
    PortfolioGuard book = new PortfolioGuard(limits, clock);
    BigDecimal margin = new BigDecimal("100");
    for (Step s : steps) {
      String symbol = "S" + s.symbol();
      switch (s.kind()) {
        case 0 -> {
          BigDecimal risk = s.amount().abs().max(new BigDecimal("0.1"));
          TradeProposal p =
              new TradeProposal(symbol, Side.LONG, BigDecimal.ONE, risk, new BigDecimal("10"));
          BigDecimal lossBefore = book.realisedLossToday();
          BigDecimal openBefore = book.openRisk();
          int losersBefore = book.losingTradesToday();
          boolean hadSymbol =
              book.openPositions().stream().anyMatch(o -> o.proposal().symbol().equals(symbol));
          GuardDecision d = book.open(p, margin);
          if (d.approved()) {
            assertThat(lossBefore.add(openBefore).add(risk))
                .isLessThanOrEqualTo(limits.maxDailyLossUsd());
            assertThat(losersBefore).isLessThan(limits.maxDailyLosingTrades());
            assertThat(hadSymbol).isFalse();
          } else {
            assertThat(((GuardDecision.Rejected) d).refusals()).isNotEmpty();
          }
        }
        case 1 -> {
          boolean open =
              book.openPositions().stream().anyMatch(o -> o.proposal().symbol().equals(symbol));
          if (open) {
            book.close(symbol, s.amount());
          }
        }
        default -> clock.now = clock.now.plusSeconds(3600L * s.hours());
      }
      assertThat(book.openPositions()).hasSizeLessThanOrEqualTo(limits.maxConcurrentTrades());
      assertThat(book.openRisk()).isLessThanOrEqualTo(limits.maxOpenRiskUsd());
      Set<String> symbols = new HashSet<>();
      book.openPositions().forEach(o -> assertThat(symbols.add(o.proposal().symbol())).isTrue());
      assertThat(book.realisedLossToday().signum()).isGreaterThanOrEqualTo(0);
    }
  }
}
