package org.smc4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.metrics.PerformanceMetrics;

class SweepRankingTest {

  private static final SweepWindow W =
      new SweepWindow(
          0, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));

  private static ResultRow row(String symbol, long combo, int trades, double netR, double sharpe) {
    PerformanceMetrics m =
        new PerformanceMetrics(
            symbol,
            trades,
            0,
            0,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            trades == 0 ? OptionalDouble.empty() : OptionalDouble.of(netR / trades),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            netR,
            netR,
            netR,
            netR,
            0,
            0,
            trades == 0 ? OptionalDouble.empty() : OptionalDouble.of(sharpe),
            OptionalDouble.empty(),
            0,
            0.1 * trades,
            0,
            0);
    ParamSet p =
        ParamSet.of(
            List.of("strategy.target.reward-risk"),
            List.of(new ParamValue.Decimal(BigDecimal.valueOf(combo + 1))));
    return new ResultRow(symbol, W, combo, p, m);
  }

  @Test
  void shouldSumNetRAcrossSymbolsAndRankBestFirst() {
    List<ResultRow> rows =
        List.of(
            row("BTCUSDT", 0, 10, 2, 1),
            row("SOLUSDT", 0, 10, -5, -1),
            row("BTCUSDT", 1, 10, 1, 0.5),
            row("SOLUSDT", 1, 10, 1, 0.5),
            row("BTCUSDT", 2, 2, 9, 3),
            row("SOLUSDT", 2, 1, 9, 3));
    List<ComboScore> ranked = SweepRanking.rank(rows, Objective.NET_R, 5);
    // combo 2 has the most net R but only 3 trades: unscored, last
    assertThat(ranked).extracting(ComboScore::combo).containsExactly(1L, 0L, 2L);
    assertThat(ranked.get(0).score()).hasValue(2.0);
    assertThat(ranked.get(1).score()).hasValue(-3.0);
    assertThat(ranked.get(2).score()).isEmpty();
    assertThat(ranked.get(0).trades()).isEqualTo(20);
    assertThat(ranked.get(0).fees()).isEqualTo(2.0);
    assertThat(ranked.get(0).rows()).isEqualTo(2);
  }

  @Test
  void shouldAverageARatioObjective() {
    List<ResultRow> rows = List.of(row("BTCUSDT", 0, 10, 2, 1.5), row("SOLUSDT", 0, 10, -5, -0.5));
    assertThat(SweepRanking.rank(rows, Objective.SHARPE, 0).get(0).score()).hasValue(0.5);
  }
}
