package org.smc4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.ExpiryModel;
import org.smc4j.backtest.fee.PercentFeeModel;
import org.smc4j.backtest.fill.FillModel;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.funding.FundingSchedule;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;
import org.smc4j.trading.journal.Journal;

/**
 * A sweep row equals what {@code smc4j backtest --symbols SOLUSDT --from 2025-02-01 --to
 * 2025-03-01} reports for the same parameters: the expected side is built here the way the command
 * builds it (all of the symbol's 5m files read strictly and cut by open time, the inferred contract
 * spec, the broker models of the {@code backtest} section, the guards of {@code risk.guards}) and
 * summarised with the command's per-symbol metrics.
 */
class TaskExecutorRealDataTest {

  private static final Instant FROM = Instant.parse("2025-02-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-03-01T00:00:00Z");

  private static ParamValue n(String s) {
    return new ParamValue.Decimal(new BigDecimal(s));
  }

  /** The backtest command's run, spelled out without the sweep's classes. */
  private static PerformanceMetrics backtestCommand(
      String symbol,
      StrategyConfig strategy,
      SizingParameters sizing,
      GuardLimits guards,
      int slippageTicks)
      throws IOException {
    Path dir = SharedData.requireData("binance-usdm/" + symbol + "/5m");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    BarArrays all = CandleCsvReader.STRICT.read(files).bars();
    long[] t = all.openTimeMillisUnsafe();
    int a = 0;
    while (t[a] < FROM.toEpochMilli()) {
      a++;
    }
    int b = a;
    while (b < t.length && t[b] < TO.toEpochMilli()) {
      b++;
    }
    BarArrays bars = all.slice(a, b);
    BrokerModels models =
        new BrokerModels(
            FillModel.DEFAULT,
            new TickSlippageModel(slippageTicks),
            new PercentFeeModel(
                sizing.fees().makerRate().doubleValue(), sizing.fees().takerRate().doubleValue()),
            new ConstantFundingModel(0.0001),
            new FundingSchedule(8 * 3_600_000L),
            ExpiryModel.after(java.time.Duration.ofHours(12)));
    BacktestSettings settings =
        new BacktestSettings(
            new StrategyEngineSignalSource(strategy),
            models,
            sizing,
            Optional.of(guards),
            new BigDecimal("1000"),
            2);
    BacktestResult result =
        new BacktestEngine(settings)
            .run(
                List.of(
                    new SymbolInput(
                        symbol, bars, Optional.empty(), InferredContractSpec.from(symbol, bars))),
                Journal.NONE,
                ProgressListener.NONE);
    return MetricsCalculator.bySymbolAndTotal(result.trades(), result.from(), result.to())
        .get(symbol);
  }

  @Test
  void shouldGiveEachCombinationTheRowTheBacktestCommandReports() throws IOException {
    Path root = SharedData.requireData("binance-usdm");
    ParamGrid grid =
        new ParamGrid.Cartesian(
            List.of(
                new ParamGrid.Axis("strategy.target.reward-risk", List.of(n("2"), n("3"))),
                new ParamGrid.Axis("risk.guards.max-daily-losing-trades", List.of(n("1"), n("4"))),
                new ParamGrid.Axis("backtest.slippage.ticks", List.of(n("1"), n("3"))),
                new ParamGrid.Axis("risk.fees.taker", List.of(n("0.0005"), n("0.0003")))));
    SweepSpec spec =
        SweepSpec.of(List.of("SOLUSDT"), FROM, TO, RunSettings.DEFAULT, grid, Objective.NET_R, 0);
    CandleCache candles =
        new CandleCache(CsvCandleSource.of(root, CandleCsvReader.STRICT, FROM, TO), 2);
    TaskExecutor kernel = new TaskExecutor(spec);
    List<ResultRow> rows = kernel.run(spec.tasks().get(0), candles);

    assertThat(rows).hasSize(16);
    assertThat(candles.reads()).isEqualTo(1);
    int withTrades = 0;
    for (ResultRow row : rows) {
      ParamSet p = row.params();
      double rr = ((ParamValue.Decimal) p.get("strategy.target.reward-risk")).value().doubleValue();
      int losing =
          ((ParamValue.Decimal) p.get("risk.guards.max-daily-losing-trades")).value().intValue();
      int ticks = ((ParamValue.Decimal) p.get("backtest.slippage.ticks")).value().intValue();
      BigDecimal taker = ((ParamValue.Decimal) p.get("risk.fees.taker")).value();
      GuardLimits g = GuardLimits.DEFAULT;
      PerformanceMetrics expected =
          backtestCommand(
              "SOLUSDT",
              StrategyConfig.builder().rewardRisk(rr).build(),
              SizingParameters.DEFAULT.withFees(
                  new FeeSchedule(FeeSchedule.OKX_DEFAULT.makerRate(), taker)),
              new GuardLimits(
                  g.maxDailyLossUsd(),
                  losing,
                  g.maxConcurrentTrades(),
                  g.maxOpenRiskUsd(),
                  g.dayStartHourUtc()),
              ticks);
      assertThat(row.metrics()).as(p.toString()).isEqualTo(expected);
      if (expected.trades() > 0) {
        withTrades++;
      }
    }
    assertThat(withTrades).isEqualTo(16);
    // the parameters reach the backtest: the rows are not all alike
    assertThat(rows.stream().map(r -> r.metrics().netPnl()).distinct().count()).isGreaterThan(8);
  }

  @Test
  void shouldReadBackEveryRowItWritesAsCsv() throws IOException {
    Path root = SharedData.requireData("binance-usdm");
    ParamGrid grid =
        new ParamGrid.Cartesian(
            List.of(
                new ParamGrid.Axis(
                    "backtest.limit-expiry",
                    List.of(new ParamValue.Word("never"), new ParamValue.Word("6h"))),
                new ParamGrid.Axis(
                    "strategy.break.continuation-only",
                    List.of(new ParamValue.Flag(false), new ParamValue.Flag(true)))));
    Instant to = Instant.parse("2025-02-08T00:00:00Z");
    SweepSpec spec =
        SweepSpec.of(List.of("BTCUSDT"), FROM, to, RunSettings.DEFAULT, grid, Objective.NET_R, 0);
    List<ResultRow> rows =
        new TaskExecutor(spec)
            .run(spec.tasks().get(0), CsvCandleSource.of(root, CandleCsvReader.STRICT, FROM, to));
    ResultCsv csv = new ResultCsv(grid.keys());
    for (ResultRow r : rows) {
      assertThat(csv.parse(csv.format(r))).isEqualTo(r);
    }
  }
}
