package org.smc4j.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Trade;

/**
 * The report's size: under 5 MB for the four Binance symbols over 6 months, under 25 MB for 2
 * million candles (the same six months of the four symbols ten times over, as 40 symbols with their
 * trades).
 */
class HtmlReportSizeTest {

  private static final String[] SYMBOLS = {"1000PEPEUSDT", "BTCUSDT", "NEARUSDT", "SOLUSDT"};

  @TempDir static Path dir;

  private static Map<String, BarArrays> candles;
  private static BacktestResult result;

  @BeforeAll
  static void backtestSixMonthsOfFourSymbols() throws IOException {
    candles = new LinkedHashMap<>();
    List<SymbolInput> inputs = new ArrayList<>();
    for (String symbol : SYMBOLS) {
      Path folder = SharedData.requireData("binance-usdm/" + symbol + "/5m");
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      }
      BarArrays bars = CandleCsvReader.STRICT.read(files).bars();
      candles.put(symbol, bars);
      inputs.add(
          new SymbolInput(symbol, bars, Optional.empty(), InferredContractSpec.from(symbol, bars)));
    }
    result =
        new BacktestEngine(BacktestSettings.defaults(StrategyConfig.DEFAULT).withThreads(2))
            .run(inputs, Journal.NONE, ProgressListener.NONE);
  }

  @Test
  void shouldStayUnderFiveMegabytesForFourSymbolsOverSixMonths() throws IOException {
    assertThat(result.bars()).isEqualTo(4 * 52_128);
    assertThat(result.trades()).hasSizeGreaterThan(300);
    ReportFile f =
        HtmlReportWriter.DEFAULT.write(
            dir.resolve("six-months.html"),
            new BacktestReport("6 months", result, candles, List.of()));
    assertThat(f.charts()).isEqualTo(4);
    assertThat(f.trades()).isEqualTo(result.trades().size());
    assertThat(f.bytes()).isLessThan(5_000_000L);
  }

  @Test
  void shouldStayUnderTwentyFiveMegabytesForTwoMillionCandles() throws IOException {
    Map<String, BarArrays> many = new LinkedHashMap<>();
    List<Trade> trades = new ArrayList<>();
    for (int copy = 1; copy <= 10; copy++) {
      for (String symbol : SYMBOLS) {
        String name = symbol + "-" + copy;
        many.put(name, candles.get(symbol));
        for (Trade t : result.trades()) {
          if (t.symbol().equals(symbol)) {
            trades.add(renamed(t, name));
          }
        }
      }
    }
    BacktestResult big =
        new BacktestResult(
            trades,
            List.of(),
            List.of(),
            List.of(),
            result.from(),
            result.to(),
            10 * result.bars());
    List<String> steps = new ArrayList<>();
    Path file = dir.resolve("two-million.html");
    ReportFile f =
        HtmlReportWriter.DEFAULT.write(
            file,
            new BacktestReport("2 million candles", big, many, List.of()),
            (done, total, step) -> steps.add(done + "/" + total));
    assertThat(big.bars()).isGreaterThanOrEqualTo(2_000_000);
    assertThat(f.charts()).isEqualTo(40);
    assertThat(f.bytes()).isLessThan(25_000_000L);
    // progress after each of the 40 charts and at the end
    assertThat(steps).hasSize(41).startsWith("1/41").endsWith("41/41");
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .contains("<div class=\"chart\" id=\"chart-39\">");
  }

  /** The trade under another symbol name. */
  static Trade renamed(Trade t, String symbol) {
    OrderIntent i = t.intent();
    OrderIntent intent =
        new OrderIntent(
            i.intentId(),
            i.poiId(),
            symbol,
            i.side(),
            i.entryKind(),
            i.entryPrice(),
            i.stop(),
            i.target(),
            i.secondTarget(),
            i.signalTime(),
            i.plannedRisk(),
            i.contracts(),
            i.contractMultiplier(),
            i.details());
    return new Trade(
        intent,
        t.entryTime(),
        t.entryPrice(),
        t.entryLiquidity(),
        t.entryFee(),
        t.entrySlippage(),
        t.exitTime(),
        t.exitPrice(),
        t.exitLiquidity(),
        t.exitFee(),
        t.exitSlippage(),
        t.exitReason(),
        t.funding(),
        t.fundingSettlements(),
        t.ambiguous(),
        t.optimisticExit());
  }
}
