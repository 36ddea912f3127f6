package org.smc4j.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.testing.SharedData;
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.plan.Sizing;

/**
 * {@code scan --replay} runs the live loop (universe, backfill, incremental fetches, per-symbol
 * engines) over history on a simulated clock; its signals must be exactly the backtest's on the
 * same candles: same symbols, bars, sides, entry kinds, prices and, where the backtest sized them,
 * the same contracts.
 */
class ScanReplayMatchesBacktestTest {

  @TempDir Path dir;

  /** One signal as both sides report it. */
  record Row(
      String symbol,
      String signalTime,
      String side,
      String entryKind,
      double entry,
      double stop,
      double target) {}

  @Test
  void shouldProduceTheBacktestSignalsOnTwoSymbolsOfJanuary2025() throws Exception {
    Map<String, BarArrays> bars = new LinkedHashMap<>();
    for (String symbol : List.of("BTCUSDT", "SOLUSDT")) {
      Path file =
          SharedData.requireData("binance-usdm/" + symbol + "/5m/" + symbol + "-5m-2025-01.csv");
      bars.put(symbol, CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(file).bars());
    }
    Map<String, ContractSpec> specs = new LinkedHashMap<>();
    List<SymbolInput> inputs = new ArrayList<>();
    for (Map.Entry<String, BarArrays> e : bars.entrySet()) {
      ContractSpec spec = InferredContractSpec.from(e.getKey(), e.getValue());
      specs.put(e.getKey(), spec);
      inputs.add(new SymbolInput(e.getKey(), e.getValue(), Optional.empty(), spec));
    }

    Smc4jConfig config =
        Smc4jConfig.DEFAULT.withOutput(
            new OutputConfig(dir.resolve("replay.db"), dir.resolve("signals.jsonl")));
    // the backtest as the backtest command runs it with that configuration: its broker models,
    // sizing and portfolio guards
    BacktestSettings settings =
        new BacktestSettings(
            new StrategyEngineSignalSource(config.strategy()),
            config.backtest().models(config.risk().sizing().fees()),
            config.risk().sizing(),
            config.backtest().applyGuards()
                ? Optional.of(config.risk().guards())
                : Optional.empty(),
            config.risk().accountEquityUsd(),
            2);
    BacktestResult backtest =
        new BacktestEngine(settings).run(inputs, Journal.NONE, ProgressListener.NONE);
    StringWriter printed = new StringWriter();
    ScanReplayJob.Result replay;
    try (PrintWriter out = new PrintWriter(printed)) {
      replay = ScanReplayJob.run(config, bars, specs, out);
    }

    List<Row> expected = new ArrayList<>();
    for (SignalRecord r : backtest.signals()) {
      expected.add(
          new Row(
              r.symbol(),
              r.signalTime().toString(),
              r.side().name(),
              r.entryKind().name(),
              r.entryPrice(),
              r.stop(),
              r.target()));
    }
    List<Row> actual = new ArrayList<>();
    for (ScanSignal s : replay.signals()) {
      actual.add(
          new Row(
              s.symbol(),
              s.plan().signalTime().toString(),
              s.plan().side().name(),
              s.plan().entryKind().name(),
              s.plan().entry(),
              s.plan().stop(),
              s.plan().target()));
    }
    Comparator<Row> order = Comparator.comparing(Row::signalTime).thenComparing(Row::symbol);
    expected.sort(order);
    actual.sort(order);
    // Real data gives several signals per symbol and week (STRATEGY.md): a month of two symbols
    // must give dozens, or the comparison proves nothing.
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(actual).containsExactlyElementsOf(expected);

    // Where the backtest sized a signal (it was not busy with another position), the contracts
    // for $1 are the scan's too.
    Map<String, ScanSignal> byKey = new LinkedHashMap<>();
    replay.signals().forEach(s -> byKey.put(s.key(), s));
    int compared = 0;
    for (SignalRecord r : backtest.signals()) {
      ScanSignal s = byKey.get(ScanSignal.keyOf(r.symbol(), r.side(), r.signalTime()));
      if (r.contracts().isPresent()) {
        assertThat(s.sizing()).isInstanceOf(Sizing.Sized.class);
        assertThat(((Sizing.Sized) s.sizing()).contracts()).isEqualTo(r.contracts().getAsDouble());
        compared++;
      } else if (r.status() == SignalStatus.SKIPPED
          && r.reason().orElse("").startsWith("size refused")) {
        assertThat(s.sizing()).isInstanceOf(Sizing.Refused.class);
      }
    }
    assertThat(compared).isGreaterThan(10);

    // The scan decides each signal with the backtest's pipeline on its own paper fills: the same
    // signals are taken, and the same are skipped for the same reason (one position per symbol,
    // the portfolio guards).
    int skipped = 0;
    for (SignalRecord r : backtest.signals()) {
      ScanSignal s = byKey.get(ScanSignal.keyOf(r.symbol(), r.side(), r.signalTime()));
      SignalRecord decided = s.decision().record();
      assertThat(decided.status()).as(s.key()).isEqualTo(r.status());
      assertThat(decided.skip()).as(s.key()).isEqualTo(r.skip());
      assertThat(decided.contracts()).as(s.key()).isEqualTo(r.contracts());
      if (r.status() == SignalStatus.SKIPPED) {
        skipped++;
      }
    }
    assertThat(skipped).as("busy symbols skip some signals").isPositive();
    assertThat(printed.toString().lines().filter(l -> l.contains("| SKIPPED (")).count())
        .isEqualTo(skipped);
    assertThat(printed.toString().lines().filter(l -> l.contains("| TAKEN |")).count())
        .isEqualTo(expected.size() - skipped);

    // One cycle per 5m close, and every signal printed, appended and journaled once.
    long closes = bars.get("BTCUSDT").size();
    assertThat(replay.cycles()).isEqualTo(closes);
    assertThat(printed.toString().lines().filter(l -> l.startsWith("SIGNAL ")).count())
        .isEqualTo(expected.size());
    assertThat(Files.readAllLines(dir.resolve("signals.jsonl"))).hasSize(expected.size());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("replay.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM signals")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(expected.size());
    }
    assertThat(
            SqliteJournal.readSignals(dir.resolve("replay.db"), 1).stream()
                .map(SignalRecord::skip)
                .toList())
        .isEqualTo(backtest.signals().stream().map(SignalRecord::skip).toList());
    assertThat(printed.toString().toLowerCase(Locale.ROOT)).doesNotContain("nan");
  }

  private static List<Row> journalRows(Path db) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT symbol, signal_time, side, entry_kind, entry_price, stop, target"
                    + " FROM signals ORDER BY signal_time, symbol")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getDouble(5),
                rs.getDouble(6),
                rs.getDouble(7)));
      }
    }
    return rows;
  }

  /** Each signal's decision as journaled: time, symbol, status and the skip kind and detail. */
  private static List<String> decisionRows(Path db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT signal_time, symbol, status, skip_kind, skip_detail FROM signals"
                    + " ORDER BY signal_time, symbol")) {
      while (rs.next()) {
        rows.add(
            String.join(
                " ",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                String.valueOf(rs.getString(4)),
                String.valueOf(rs.getString(5))));
      }
    }
    return rows;
  }

  @Test
  void shouldJournalTheSameSignalsAsTheBacktestCommand() throws Exception {
    Path btc = SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-02.csv");
    Path sol = SharedData.requireData("binance-usdm/SOLUSDT/5m/SOLUSDT-5m-2025-02.csv");
    StringWriter sink = new StringWriter();
    picocli.CommandLine backtest = org.smc4j.cli.Smc4jMain.newCommandLine();
    backtest.setOut(new PrintWriter(sink));
    backtest.setErr(new PrintWriter(sink));
    int backtestExit =
        backtest.execute(
            "backtest",
            "--data",
            btc.toString(),
            "--data",
            sol.toString(),
            "--out",
            dir.resolve("bt").toString(),
            "--no-progress");
    assertThat(backtestExit).as(sink.toString()).isZero();
    picocli.CommandLine scan = org.smc4j.cli.Smc4jMain.newCommandLine();
    scan.setOut(new PrintWriter(sink));
    scan.setErr(new PrintWriter(sink));
    Path logConfig = dir.resolve("log.yaml");
    Files.writeString(logConfig, "logging: {file: '" + dir.resolve("scan.log") + "'}\n");
    int scanExit =
        scan.execute(
            "scan",
            "--replay",
            btc.toString(),
            sol.toString(),
            "--config",
            logConfig.toString(),
            "--data-dir",
            dir.toString(),
            "--journal",
            dir.resolve("scan.db").toString(),
            "--signals",
            dir.resolve("scan.jsonl").toString());
    assertThat(scanExit).as(sink.toString()).isZero();

    List<Row> expected = journalRows(dir.resolve("bt/journal.sqlite"));
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(journalRows(dir.resolve("scan.db"))).containsExactlyElementsOf(expected);
    // ... and the same decisions, guards included (the backtest applies them by default)
    List<String> decisions = decisionRows(dir.resolve("bt/journal.sqlite"));
    assertThat(decisions).anyMatch(d -> d.contains("SKIPPED"));
    assertThat(decisionRows(dir.resolve("scan.db"))).containsExactlyElementsOf(decisions);
  }
}
