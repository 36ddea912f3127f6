package org.smc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyRun;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;

class StrategyEngineExampleTest {

  private static final Pattern PRICES =
      Pattern.compile(" entry ([0-9.]+) stop ([0-9.]+) target ([0-9.]+) ");

  /** Exit code and captured output of one run. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        StrategyEngineExample.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldPrintEverySignalOfTheBatchRunOnRealSolusdtData() {
    Path dir = SharedData.requireData("bybit-linear/SOLUSDT/5m");

    Run r = run(dir.toString(), "--tick-size", "0.01");

    assertThat(r.exit()).as(r.err()).isZero();
    BarArrays bars = CandleCsvReader.LENIENT.read(dir.resolve("SOLUSDT_5m.csv")).bars();
    StrategyRun batch = StrategyEngine.run(bars, StrategyConfig.DEFAULT, 0.01);
    List<String> signalLines =
        Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("signal ")).toList();
    List<EntrySignal> signals = batch.signals();
    assertThat(signals).hasSizeGreaterThan(20);
    assertThat(signalLines).hasSameSizeAs(signals);
    for (int k = 0; k < signals.size(); k++) {
      EntrySignal s = signals.get(k);
      assertThat(signalLines.get(k))
          .startsWith("signal " + s.id() + " at ")
          .contains(": " + s.side() + " " + s.trigger() + " ")
          .contains(", score " + s.score().total() + "/5 ");
    }
    long longs = signals.stream().filter(s -> s.side().name().equals("LONG")).count();
    assertThat(r.out())
        .startsWith(
            "read 25920 5m bars (2025-04-03T17:05:00Z .. 2025-07-02T17:00:00Z), 0 rows dropped,"
                + " 0 gaps\n")
        .contains(
            "25920 5m bars, 8639 15m bars: "
                + batch.eventsOf(PoiArmedEvent.class).size()
                + " POIs armed, "
                + signals.size()
                + " signals ("
                + longs
                + " long, "
                + (signals.size() - longs)
                + " short)");
  }

  @Test
  void shouldPrintTheFirstSignalWithItsPricesRoundedTwoDecimalsBeyondTheTick() {
    Path dir = SharedData.requireData("bybit-linear/SOLUSDT/5m");

    Run r = run(dir.toString(), "--tick-size", "0.01");

    BarArrays bars = CandleCsvReader.LENIENT.read(dir.resolve("SOLUSDT_5m.csv")).bars();
    EntrySignal first = StrategyEngine.run(bars, StrategyConfig.DEFAULT, 0.01).signals().get(0);
    String line =
        Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("signal ")).findFirst().get();
    Matcher m = PRICES.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    // 0.01 tick: four decimals; each printed price is the signal's price rounded to them.
    assertThat(m.group(1)).matches("\\d+\\.\\d{4}");
    assertThat(Double.parseDouble(m.group(1))).isCloseTo(first.entry(), within(0.00005));
    assertThat(Double.parseDouble(m.group(2))).isCloseTo(first.stop(), within(0.00005));
    assertThat(Double.parseDouble(m.group(3))).isCloseTo(first.target(), within(0.00005));
  }

  @Test
  void shouldExitOneForAMissingFileAndTwoWithoutInput() {
    Run missing = run("no-such-dir/BTCUSDT_5m.csv");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).startsWith("cannot read the candles: ").contains("BTCUSDT_5m.csv");

    Run none = run();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).startsWith("usage: StrategyEngineExample");

    Run badTick = run("x.csv", "--tick-size", "zero");
    assertThat(badTick.exit()).isEqualTo(2);
    assertThat(badTick.err()).contains("--tick-size must be a number, was zero");
  }
}
