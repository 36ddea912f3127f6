package org.smc4j.app.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.OutputConfig;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.scan.ScanReplayJob;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.testing.SharedData;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.Trade;

class PaperTradeJobTest {

  @TempDir Path dir;

  /** Entry and exit of one trade, as both runs must agree on them. */
  private record Fill(
      String symbol,
      Instant entryTime,
      double entryPrice,
      double contracts,
      Instant exitTime,
      double exitPrice,
      ExitReason exitReason,
      double netPnl) {

    static Fill of(Trade t) {
      return new Fill(
          t.symbol(),
          t.entryTime(),
          t.entryPrice(),
          t.intent().contracts(),
          t.exitTime(),
          t.exitPrice(),
          t.exitReason(),
          t.netPnl());
    }
  }

  private Smc4jConfig config() {
    return Smc4jConfig.DEFAULT.withOutput(
        new OutputConfig(dir.resolve("signals.sqlite"), dir.resolve("signals.jsonl")));
  }

  @Test
  void paperTradesOverHistoryEqualTheBacktestsTradeForTrade() {
    ScanReplayJob.Inputs inputs =
        ScanReplayJob.read(
            List.of(SharedData.requireData("binance-usdm/BTCUSDT/5m")), Optional.empty());
    Map<String, BarArrays> bars = inputs.bars();
    Map<String, ContractSpec> specs = inputs.contracts();
    Smc4jConfig config = config();
    Path execFile = dir.resolve("trade.sqlite");
    StringWriter text = new StringWriter();

    PaperTradeJob.Result paper =
        PaperTradeJob.replay(config, bars, specs, execFile, new PrintWriter(text));

    BacktestSettings settings =
        new BacktestSettings(
            new StrategyEngineSignalSource(config.strategy()),
            config.backtest().models(config.risk().sizing().fees()),
            config.risk().sizing(),
            config.backtest().applyGuards()
                ? Optional.of(config.risk().guards())
                : Optional.empty(),
            config.risk().accountEquityUsd(),
            1);
    BacktestResult backtest;
    try (SqliteJournal journal = SqliteJournal.open(dir.resolve("bt.sqlite"), "parity")) {
      backtest =
          new BacktestEngine(settings)
              .run(
                  List.of(
                      new SymbolInput(
                          "BTCUSDT", bars.get("BTCUSDT"), Optional.empty(), specs.get("BTCUSDT"))),
                  journal,
                  ProgressListener.NONE);
    }
    // the backtest closes what is still open at the end of the data; a paper session keeps it open
    List<Fill> expected =
        backtest.trades().stream()
            .filter(t -> t.exitReason() != ExitReason.END_OF_DATA)
            .map(Fill::of)
            .toList();
    List<Fill> actual = paper.trades().stream().map(Fill::of).toList();

    assertThat(expected).isNotEmpty();
    assertThat(actual).containsExactlyElementsOf(expected);
    try (ExecutionJournal exec = ExecutionJournal.open(execFile)) {
      List<TradeRecord> closed =
          exec.trades().stream()
              .filter(t -> t.status() == TradeStatus.CLOSED && t.result().isPresent())
              .toList();
      assertThat(closed).hasSize(actual.size());
      long stillOpen = backtest.trades().size() - expected.size();
      assertThat(exec.openTrades()).hasSize((int) stillOpen);
    }
    assertThat(text.toString()).contains("paper: BTCUSDT:");
  }
}
