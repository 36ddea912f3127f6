package org.smc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.testing.SharedData;
import picocli.CommandLine;

/**
 * {@code detect}, {@code backtest} and {@code scan --replay} on the same real files (a Bybit folder
 * holding 1m, 5m and 15m files, and a Binance monthly file) report the same symbols (one discovery
 * rule), the same tick sizes (one inference) and the same signals (one engine).
 */
class CommandsAgreeTest {

  @TempDir Path dir;

  /** One signal: symbol, the close of the bar that made it, side. */
  record Signal(String symbol, String time, String side) {}

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    StringWriter text = new StringWriter();
    CommandLine cmd = Smc4jMain.newCommandLine();
    cmd.setOut(new PrintWriter(text, true));
    cmd.setErr(new PrintWriter(text, true));
    int exit = cmd.execute(args);
    return new Run(exit, text.toString());
  }

  private static Map<String, String> ticks(String out, String regex) {
    Map<String, String> ticks = new TreeMap<>();
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(out);
    while (m.find()) {
      ticks.put(m.group(1), new BigDecimal(m.group(2)).stripTrailingZeros().toPlainString());
    }
    return ticks;
  }

  private static List<Signal> journal(Path db) throws Exception {
    List<Signal> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT symbol, signal_time, side FROM signals ORDER BY signal_id")) {
      while (rs.next()) {
        rows.add(new Signal(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return rows;
  }

  private static List<Signal> detected(Path out, String symbol) throws Exception {
    List<String> lines = Files.readAllLines(out.resolve(symbol).resolve("entry_signal.csv"));
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int time = header.indexOf("known_at_time");
    int side = header.indexOf("side");
    List<Signal> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      rows.add(new Signal(symbol, cells[time], cells[side]));
    }
    return rows;
  }

  private static List<Signal> sorted(List<Signal> signals) {
    List<Signal> copy = new ArrayList<>(signals);
    copy.sort(
        (a, b) ->
            a.time().equals(b.time())
                ? a.symbol().compareTo(b.symbol())
                : a.time().compareTo(b.time()));
    return copy;
  }

  @Test
  void shouldReportTheSameSymbolsTicksAndSignalsFromDetectBacktestAndScanReplay() throws Exception {
    Path doge = SharedData.requireData("bybit-linear/DOGEUSDT");
    Path sol = SharedData.requireData("binance-usdm/SOLUSDT/5m/SOLUSDT-5m-2025-03.csv");
    Path logConfig = dir.resolve("log.yaml");
    Files.writeString(logConfig, "logging: {file: '" + dir.resolve("scan.log") + "'}\n");

    Run detect =
        run("detect", doge.toString(), sol.toString(), "--out", dir.resolve("det").toString());
    Run backtest =
        run(
            "backtest",
            "--data",
            doge.toString(),
            sol.toString(),
            "--out",
            dir.resolve("bt").toString(),
            "--no-guards",
            "--no-progress");
    Run scan =
        run(
            "scan",
            "--replay",
            doge.toString(),
            sol.toString(),
            "--config",
            logConfig.toString(),
            "--data-dir",
            dir.toString(),
            "--journal",
            dir.resolve("scan.db").toString(),
            "--signals",
            dir.resolve("scan.jsonl").toString());

    assertThat(detect.exit()).as(detect.out()).isZero();
    assertThat(backtest.exit()).as(backtest.out()).isZero();
    assertThat(scan.exit()).as(scan.out()).isZero();

    // Same symbols and ticks: Bybit DOGE prices carry 5 decimals, Binance SOL 4 (148.1000, shown
    // as 0.01 because the last decimal is always 0)
    Map<String, String> detectTicks = ticks(detect.out(), "^== (\\S+):(?s:.*?)tick size (\\S+) ");
    Map<String, String> backtestTicks =
        ticks(backtest.out(), "^(\\S+) spec: tick (\\S+) inferred from the price decimals");
    Map<String, String> scanTicks =
        ticks(scan.out(), "^note: (\\S+): tick (\\S+) inferred from the price decimals");
    assertThat(detectTicks).containsOnlyKeys("DOGEUSDT", "SOLUSDT");
    assertThat(detectTicks.get("DOGEUSDT")).isEqualTo("0.00001");
    assertThat(backtestTicks).isEqualTo(detectTicks);
    assertThat(scanTicks).isEqualTo(detectTicks);

    // Same signals, in time order: every engine signal is journaled by both (taken or skipped)
    List<Signal> fromDetect = new ArrayList<>(detected(dir.resolve("det"), "DOGEUSDT"));
    fromDetect.addAll(detected(dir.resolve("det"), "SOLUSDT"));
    List<Signal> fromBacktest = journal(dir.resolve("bt").resolve("journal.sqlite"));
    List<Signal> fromScan = journal(dir.resolve("scan.db"));
    assertThat(fromDetect).hasSizeGreaterThan(10);
    assertThat(sorted(fromBacktest)).containsExactlyElementsOf(sorted(fromDetect));
    assertThat(sorted(fromScan)).containsExactlyElementsOf(sorted(fromDetect));
  }
}
