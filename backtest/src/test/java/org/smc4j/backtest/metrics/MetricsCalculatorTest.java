package org.smc4j.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Trade;

class MetricsCalculatorTest {

  private static final Offset<Double> EPS = within(1e-9);
  private static final Instant DAY1 = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant DAY4 = Instant.parse("2025-03-04T00:00:00Z");

  private static Trade trade(
      String symbol,
      Side side,
      double entry,
      double exit,
      double contracts,
      double fee,
      String entryTime,
      String exitTime) {
    double stop = entry - side.sign() * 1.0 / contracts;
    OrderIntent in =
        new OrderIntent(
            1,
            "poi-1",
            symbol,
            side,
            EntryKind.MARKET_NEXT_OPEN,
            entry,
            stop,
            entry + side.sign() * 5,
            OptionalDouble.empty(),
            Instant.parse(entryTime),
            1,
            contracts,
            1,
            Optional.empty());
    return new Trade(
        in,
        Instant.parse(entryTime),
        entry,
        Liquidity.TAKER,
        fee,
        0,
        Instant.parse(exitTime),
        exit,
        Liquidity.TAKER,
        0,
        0,
        ExitReason.STOP,
        0,
        0,
        false,
        Optional.empty());
  }

  // A: +2 on day 1; B: -1 on day 2; C: short 2 contracts 50 -> 49.5, +1 gross, 0.1 fee, day 2
  private final List<Trade> trades =
      List.of(
          trade(
              "BTCUSDT", Side.LONG, 100, 102, 1, 0, "2025-03-01T00:00:00Z", "2025-03-01T01:00:00Z"),
          trade(
              "BTCUSDT", Side.LONG, 100, 99, 1, 0, "2025-03-02T00:00:00Z", "2025-03-02T02:00:00Z"),
          trade(
              "SOLUSDT",
              Side.SHORT,
              50,
              49.5,
              2,
              0.1,
              "2025-03-02T01:00:00Z",
              "2025-03-02T03:00:00Z"));

  @Test
  void shouldComputeTheTotalsOfAHandBuiltExample() {
    PerformanceMetrics m = MetricsCalculator.compute("ALL", trades, DAY1, DAY4);
    assertThat(m.trades()).isEqualTo(3);
    assertThat(m.wins()).isEqualTo(2);
    assertThat(m.winRate().getAsDouble()).isCloseTo(2.0 / 3, EPS);
    assertThat(m.averageRGross().getAsDouble()).isCloseTo(2.0 / 3, EPS);
    assertThat(m.averageRNet().getAsDouble()).isCloseTo(1.9 / 3, EPS);
    assertThat(m.expectancy().getAsDouble()).isCloseTo(1.9 / 3, EPS);
    assertThat(m.profitFactor().getAsDouble()).isCloseTo(2.9, EPS);
    assertThat(m.grossPnl()).isCloseTo(2.0, EPS);
    assertThat(m.netPnl()).isCloseTo(1.9, EPS);
    assertThat(m.fees()).isCloseTo(0.1, EPS);
    // equity 2 -> 1 -> 1.9: the drawdown is 1 (in $ and in R, risk being $1)
    assertThat(m.maxDrawdown()).isCloseTo(1.0, EPS);
    assertThat(m.maxDrawdownR()).isCloseTo(1.0, EPS);
    // daily P&L [2, -0.1, 0]
    assertThat(m.sharpe().getAsDouble()).isCloseTo(10.214058899782904, within(1e-9));
    assertThat(m.sortino().getAsDouble()).isCloseTo(209.5749666984744, within(1e-9));
    // in the market 01:00 on day 1 and 00:00-03:00 on day 2 (B and C overlap): 4 h of 72 h
    assertThat(m.exposure()).isCloseTo(4.0 / 72, EPS);
  }

  @Test
  void shouldSplitBySymbolAndEndWithTheTotal() {
    Map<String, PerformanceMetrics> m = MetricsCalculator.bySymbolAndTotal(trades, DAY1, DAY4);
    assertThat(m.keySet()).containsExactly("BTCUSDT", "SOLUSDT", "ALL");
    assertThat(m.get("BTCUSDT").trades()).isEqualTo(2);
    assertThat(m.get("BTCUSDT").exposure()).isCloseTo(3.0 / 72, EPS);
    assertThat(m.get("SOLUSDT").netPnl()).isCloseTo(0.9, EPS);
    assertThat(m.get("SOLUSDT").profitFactor()).isEmpty();
  }

  @Test
  void shouldLeaveRatiosEmptyWithoutTrades() {
    PerformanceMetrics m = MetricsCalculator.compute("ALL", List.of(), DAY1, DAY4);
    assertThat(m.trades()).isZero();
    assertThat(m.winRate()).isEmpty();
    assertThat(m.expectancy()).isEmpty();
    assertThat(m.profitFactor()).isEmpty();
    assertThat(m.sharpe()).isEmpty();
    assertThat(m.sortino()).isEmpty();
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.exposure()).isZero();
  }

  @Test
  void shouldRejectAnEmptyPeriod() {
    assertThatThrownBy(() -> MetricsCalculator.compute("ALL", trades, DAY4, DAY4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to 2025-03-04T00:00:00Z must be after from 2025-03-04T00:00:00Z");
  }

  @Test
  void shouldRejectWinsAboveTrades() {
    assertThatThrownBy(
            () ->
                new PerformanceMetrics(
                    "X",
                    1,
                    2,
                    0,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    0,
                    0,
                    0,
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "counts must satisfy 0 <= wins, ambiguousTrades <= trades, was trades 1, wins 2,"
                + " ambiguous 0");
  }

  @Test
  void shouldRejectAnExposureAboveOne() {
    assertThatThrownBy(
            () ->
                new PerformanceMetrics(
                    "X",
                    0,
                    0,
                    0,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    1.5,
                    0,
                    0,
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X: exposure must be in [0, 1], was 1.5");
  }

  @Test
  void shouldMeasureTheCurveFromTheStartAtZero() {
    EquityCurve curve =
        EquityCurve.of(
            List.of(
                trade(
                    "BTCUSDT",
                    Side.LONG,
                    100,
                    99,
                    1,
                    0,
                    "2025-03-01T00:00:00Z",
                    "2025-03-01T01:00:00Z")));
    assertThat(curve.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.equity()).isCloseTo(-1, EPS);
              assertThat(p.drawdown()).isCloseTo(1, EPS);
            });
  }
}
