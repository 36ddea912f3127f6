package org.smc4j.backtest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.Trade;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The golden backtest: BTCUSDT and SOLUSDT, Binance USD-M 5m, January to June 2025, default
 * strategy and broker models, inferred contract specs. Pins the summary and a SHA-256 of the trade
 * list; rewrite the golden file only with {@code -Dsmc4j.golden.update=true} and review the diff.
 */
class BacktestGoldenTest {

  private static final Path GOLDEN =
      Paths.get(
          "src/test/resources/org/smc4j/backtest/replay/golden-binance-btc-sol-2025h1.properties");

  private static BacktestResult result;

  static SymbolInput load(String symbol) throws IOException {
    Path dir = SharedData.requireData("binance-usdm/" + symbol + "/5m");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
    }
    BarArrays bars = CandleCsvReader.STRICT.read(files).bars();
    return new SymbolInput(
        symbol, bars, java.util.Optional.empty(), InferredContractSpec.from(symbol, bars));
  }

  @BeforeAll
  static void runBacktest() throws IOException {
    List<SymbolInput> inputs = List.of(load("BTCUSDT"), load("SOLUSDT"));
    BacktestEngine engine =
        new BacktestEngine(BacktestSettings.defaults(StrategyConfig.DEFAULT).withThreads(2));
    result = engine.run(inputs, Journal.NONE, ProgressListener.NONE);
  }

  static String tradeLine(Trade t) {
    return String.format(
        Locale.ROOT,
        "%s,%s,%s,%s,%s,%.10g,%s,%.10g,%s,%.8f,%.10g,%b",
        t.symbol(),
        t.side(),
        t.intent().entryKind(),
        t.intent().signalTime(),
        t.entryTime(),
        t.entryPrice(),
        t.exitTime(),
        t.exitPrice(),
        t.exitReason(),
        t.intent().contracts(),
        t.netPnl(),
        t.ambiguous());
  }

  static String sha256(List<String> lines) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> summary(BacktestResult r) {
    Map<String, String> m = new TreeMap<>();
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(r.trades(), r.from(), r.to());
    for (PerformanceMetrics p : metrics.values()) {
      String k = p.scope() + ".";
      m.put(k + "trades", Integer.toString(p.trades()));
      m.put(k + "wins", Integer.toString(p.wins()));
      m.put(k + "ambiguous", Integer.toString(p.ambiguousTrades()));
      m.put(k + "grossPnl", fmt(p.grossPnl()));
      m.put(k + "netPnl", fmt(p.netPnl()));
      m.put(k + "optimisticNetPnl", fmt(p.optimisticNetPnl()));
      m.put(k + "totalRNet", fmt(p.totalRNet()));
      m.put(k + "fees", fmt(p.fees()));
      m.put(k + "funding", fmt(p.funding()));
      m.put(k + "maxDrawdown", fmt(p.maxDrawdown()));
    }
    m.put("bars", Long.toString(r.bars()));
    m.put("signals", Integer.toString(r.signals().size()));
    m.put(
        "signals.taken",
        Long.toString(r.signals().stream().filter(s -> s.status() == SignalStatus.TAKEN).count()));
    m.put("cancellations", Integer.toString(r.cancellations().size()));
    m.put(
        "tradeListSha256", sha256(r.trades().stream().map(BacktestGoldenTest::tradeLine).toList()));
    return m;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  @Test
  void shouldReproduceTheGoldenSummaryAndTradeList() throws IOException {
    assertThat(result.failures()).isEmpty();
    Map<String, String> actual = summary(result);
    if (Boolean.getBoolean("smc4j.golden.update")) {
      // written sorted and without a date so that a regeneration diffs cleanly
      try (Writer w = Files.newBufferedWriter(GOLDEN, StandardCharsets.UTF_8)) {
        w.write(
            "# BacktestGoldenTest: regenerate with -Dsmc4j.golden.update=true; review the diff\n");
        for (Map.Entry<String, String> e : actual.entrySet()) {
          w.write(e.getKey() + "=" + e.getValue() + "\n");
        }
      }
    }
    Properties expected = new Properties();
    try (Reader r = Files.newBufferedReader(GOLDEN, StandardCharsets.UTF_8)) {
      expected.load(r);
    }
    Map<String, String> exp = new TreeMap<>();
    expected.forEach((k, v) -> exp.put((String) k, (String) v));
    assertThat(actual).isEqualTo(exp);
  }

  @Test
  void shouldTradeOnBothSymbolsWithoutLookingAhead() {
    assertThat(result.trades()).extracting(Trade::symbol).contains("BTCUSDT", "SOLUSDT");
    for (Trade t : result.trades()) {
      assertThat(t.entryTime()).isAfterOrEqualTo(t.intent().signalTime());
    }
  }

  @Test
  void shouldMatchTa4jTradeCountAndGrossPnl() {
    // the same trades booked in ta4j trading records (one per side: ta4j records start with one
    // trade type), priced with DoubleNum, amount = contracts * contract multiplier
    TradingRecord longs = new BaseTradingRecord(org.ta4j.core.Trade.TradeType.BUY);
    TradingRecord shorts = new BaseTradingRecord(org.ta4j.core.Trade.TradeType.SELL);
    int index = 0;
    double ours = 0;
    for (Trade t : result.trades()) {
      TradingRecord rec = t.side() == Side.LONG ? longs : shorts;
      Num amount = DoubleNum.valueOf(t.quantity());
      rec.enter(index++, DoubleNum.valueOf(t.entryPrice()), amount);
      rec.exit(index++, DoubleNum.valueOf(t.exitPrice()), amount);
      ours += t.grossPnl();
    }
    List<Position> positions = new ArrayList<>(longs.getPositions());
    positions.addAll(shorts.getPositions());
    double ta4j = positions.stream().mapToDouble(p -> p.getGrossProfit().doubleValue()).sum();
    assertThat(positions).hasSize(result.trades().size());
    assertThat(ta4j).isCloseTo(ours, org.assertj.core.api.Assertions.within(1e-6));
  }
}
