package org.smc4j.app.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.smc4j.live.scan.LoopConfig;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
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

  @Test
  void paperTradesOverHistoryEqualTheBacktestsTradeForTrade() throws IOException {
    ScanReplayJob.Inputs inputs =
        ScanReplayJob.read(
            List.of(SharedData.requireData("binance-usdm/BTCUSDT/5m")), Optional.empty());
    Map<String, BarArrays> bars = inputs.bars();
    Map<String, ContractSpec> specs = inputs.contracts();
    Smc4jConfig config = Smc4jConfig.DEFAULT;
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
    // one journal file: decisions, outbox, saved state and the execution tables together
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(f -> f.endsWith(".sqlite") && !f.equals("bt.sqlite")))
          .containsExactly("trade.sqlite");
    }
  }

  /** A journaled trade as both runs must agree on it. */
  private record Journaled(
      String key,
      TradeStatus status,
      String reason,
      Optional<BigDecimal> entryPx,
      Optional<TradeResult> result) {

    static Journaled of(TradeRecord t) {
      return new Journaled(t.tradeKey(), t.status(), t.reason(), t.entryPx(), t.result());
    }
  }

  private static List<Journaled> journaled(Path file) {
    try (ExecutionJournal exec = ExecutionJournal.open(file)) {
      return exec.trades().stream()
          .map(Journaled::of)
          .sorted(Comparator.comparing(Journaled::key))
          .toList();
    }
  }

  private static Map<String, BarArrays> upTo(Map<String, BarArrays> bars, int end) {
    return Map.of("BTCUSDT", bars.get("BTCUSDT").slice(0, end));
  }

  @Test
  void aSessionStoppedTwiceAndRestartedJournalsWhatAnUninterruptedOneDoes() {
    ScanReplayJob.Inputs inputs =
        ScanReplayJob.read(
            List.of(SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv")),
            Optional.empty());
    Map<String, BarArrays> bars = inputs.bars();
    Map<String, ContractSpec> specs = inputs.contracts();
    // the restarted strategy warms up from the first candle, as the uninterrupted one did
    Smc4jConfig config =
        Smc4jConfig.DEFAULT.withScan(
            new LoopConfig(
                1,
                Duration.ofHours(1),
                Duration.ofMillis(500),
                10_000,
                1,
                Duration.ofSeconds(1),
                0,
                List.of()));
    int n = bars.get("BTCUSDT").size();
    PrintWriter quiet = new PrintWriter(new StringWriter());

    Path whole = dir.resolve("whole.sqlite");
    PaperTradeJob.replay(config, bars, specs, whole, quiet);
    int[] cuts = cuts(whole, bars.get("BTCUSDT"));
    int cut1 = Math.min(cuts[0], cuts[1]);
    int cut2 = Math.max(cuts[0], cuts[1]);
    assertThat(cut1).isPositive().isLessThan(cut2);
    Path parts = dir.resolve("parts.sqlite");
    StringWriter text = new StringWriter();
    PaperTradeJob.Result first =
        PaperTradeJob.replay(config, upTo(bars, cut1), specs, parts, quiet);
    PaperTradeJob.Result second =
        PaperTradeJob.replay(config, upTo(bars, cut2), specs, parts, new PrintWriter(text));
    PaperTradeJob.Result third = PaperTradeJob.replay(config, bars, specs, parts, quiet);

    List<Journaled> expected = journaled(whole);
    assertThat(expected).hasSizeGreaterThan(5);
    assertThat(journaled(parts)).containsExactlyElementsOf(expected);
    assertThat(first.cycles() + second.cycles() + third.cycles()).isEqualTo(n);
    assertThat(text.toString()).contains("resuming after");
    // a position was open at a stop, so the restore mattered
    try (ExecutionJournal exec = ExecutionJournal.open(parts)) {
      Instant at1 = Instant.ofEpochMilli(bars.get("BTCUSDT").closeTimeMillis(cut1 - 1));
      Instant at2 = Instant.ofEpochMilli(bars.get("BTCUSDT").closeTimeMillis(cut2 - 1));
      assertThat(
              exec.trades().stream()
                  .filter(t -> t.status() == TradeStatus.CLOSED && t.closedAt().isPresent())
                  .filter(t -> spans(t, at1) || spans(t, at2)))
          .isNotEmpty();
    }
  }

  /**
   * Returns where to stop a run so that the uninterrupted run holds a pending entry (first) and an
   * open position (second) at the stop, both still held after the next candle.
   */
  private static int[] cuts(Path whole, BarArrays b) {
    int n = b.size();
    List<TradeRecord> trades;
    try (ExecutionJournal exec = ExecutionJournal.open(whole)) {
      trades = exec.trades();
    }
    int pendingCut = -1;
    int positionCut = -1;
    for (int k = n / 10; k < n - 1 && (pendingCut < 0 || positionCut < 0); k++) {
      Instant close = Instant.ofEpochMilli(b.closeTimeMillis(k));
      for (TradeRecord t : trades) {
        boolean signalled = !t.createdAt().isAfter(close);
        // still pending after the next candle, filled later
        boolean pendingOn =
            t.openedAt().isPresent() && !t.openedAt().get().isBefore(close.plusSeconds(300));
        boolean opened = t.openedAt().isPresent() && t.openedAt().get().isBefore(close);
        // still open after the next candle
        boolean openOn =
            t.closedAt().isPresent() && t.closedAt().get().isAfter(close.plusSeconds(600));
        if (pendingCut < 0 && signalled && pendingOn) {
          pendingCut = k + 1;
        }
        if (positionCut < 0 && signalled && opened && openOn) {
          positionCut = k + 1;
        }
      }
    }
    return new int[] {pendingCut, positionCut};
  }

  private static boolean spans(TradeRecord t, Instant cut) {
    return !t.createdAt().isAfter(cut) && t.closedAt().orElseThrow().isAfter(cut);
  }

  @Test
  void killSwitchLevelTwoCancelsPendingEntriesAndLevelThreeFlattens() {
    ScanReplayJob.Inputs inputs =
        ScanReplayJob.read(
            List.of(SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv")),
            Optional.empty());
    Map<String, BarArrays> bars = inputs.bars();
    Map<String, ContractSpec> specs = inputs.contracts();
    Smc4jConfig config =
        Smc4jConfig.DEFAULT.withScan(
            new LoopConfig(
                1,
                Duration.ofHours(1),
                Duration.ofMillis(500),
                10_000,
                1,
                Duration.ofSeconds(1),
                0,
                List.of()));
    int n = bars.get("BTCUSDT").size();
    // find a cut where the uninterrupted run holds a pending entry, and one where it holds a
    // position, then trip the switch there
    Path whole = dir.resolve("whole.sqlite");
    PaperTradeJob.replay(config, bars, specs, whole, new PrintWriter(new StringWriter()));
    BarArrays b = bars.get("BTCUSDT");
    int[] cuts = cuts(whole, b);
    int pendingCut = cuts[0];
    int positionCut = cuts[1];
    assertThat(pendingCut).isPositive();
    assertThat(positionCut).isPositive();

    Path l2 = dir.resolve("l2.sqlite");
    PaperTradeJob.replay(
        config, upTo(bars, pendingCut), specs, l2, new PrintWriter(new StringWriter()));
    try (ExecutionJournal exec = ExecutionJournal.open(l2)) {
      assertThat(exec.openTrades()).anyMatch(t -> t.status() == TradeStatus.ENTRY_WORKING);
      exec.tripKillSwitch(2, "test", Instant.now());
    }
    PaperTradeJob.Result afterL2 =
        PaperTradeJob.replay(config, bars, specs, l2, new PrintWriter(new StringWriter()));
    try (ExecutionJournal exec = ExecutionJournal.open(l2)) {
      assertThat(exec.openTrades()).isEmpty();
      assertThat(exec.trades())
          .anyMatch(t -> t.reason().startsWith("entry cancelled: KILL_SWITCH kill switch level 2"));
      assertThat(exec.trades())
          .filteredOn(t -> t.status() == TradeStatus.SKIPPED)
          .isNotEmpty()
          .allMatch(t -> t.reason().equals("kill switch level 2: test"));
      assertThat(exec.orders()).noneMatch(o -> !o.status().isTerminal());
    }
    assertThat(afterL2.trades()).isEmpty();

    Path l3 = dir.resolve("l3.sqlite");
    PaperTradeJob.replay(
        config, upTo(bars, positionCut), specs, l3, new PrintWriter(new StringWriter()));
    try (ExecutionJournal exec = ExecutionJournal.open(l3)) {
      assertThat(exec.openTrades()).anyMatch(t -> t.status().hasPosition());
      exec.tripKillSwitch(3, "test", Instant.now());
    }
    PaperTradeJob.Result afterL3 =
        PaperTradeJob.replay(config, bars, specs, l3, new PrintWriter(new StringWriter()));
    assertThat(afterL3.trades()).hasSize(1);
    assertThat(afterL3.trades().get(0).exitReason()).isEqualTo(ExitReason.KILL_SWITCH);
    // flattened at the first close after the restart
    assertThat(afterL3.trades().get(0).exitTime())
        .isEqualTo(Instant.ofEpochMilli(b.closeTimeMillis(positionCut)));
    try (ExecutionJournal exec = ExecutionJournal.open(l3)) {
      assertThat(exec.openTrades()).isEmpty();
    }
  }
}
