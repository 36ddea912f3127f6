package org.smc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;

class Ta4jStrategyExampleTest {

  private static final Pattern TRADE =
      Pattern.compile(
          "trade (long|short) (MSS|FVG): signal (\\S+) at (\\S+) \\(entry ([0-9.]+) .*\\), in (\\S+)"
              + " @ ([0-9.]+), out (\\S+) @ ([0-9.]+), gross ([-+][0-9.]+) per unit");

  /** Exit code and captured output of one run. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Ta4jStrategyExample.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldTradeTheSignalsOfTheDefaultBtcusdtDataAtTheNextOpen() {
    BarArrays five =
        BinanceKlineCsv.readFolder(SharedData.requireData("binance-usdm/BTCUSDT/5m"), Timeframe.M5);

    Run r = run();

    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, EntrySignal> signals =
        StrategyEngine.run(five, StrategyConfig.DEFAULT, 0.1).signals().stream()
            .collect(Collectors.toMap(EntrySignal::id, Function.identity()));
    List<String> trades =
        Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("trade ")).toList();
    assertThat(trades).hasSizeGreaterThan(50).hasSizeLessThanOrEqualTo(signals.size());
    double total = 0;
    for (String line : trades) {
      Matcher m = TRADE.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      EntrySignal s = signals.get(m.group(3));
      assertThat(s).as(line).isNotNull();
      assertThat(m.group(1)).isEqualTo(s.side().name().toLowerCase(Locale.ROOT));
      assertThat(Instant.parse(m.group(4)).toEpochMilli()).isEqualTo(s.knownAtTimeMillis());
      // entered at the open of the bar after the signal bar, i.e. at its close time
      int entryBar = s.signalIndex() + 1;
      assertThat(Instant.parse(m.group(6)).toEpochMilli()).isEqualTo(five.openTimeMillis(entryBar));
      assertThat(Double.parseDouble(m.group(7))).isEqualTo(five.open(entryBar));
      double in = Double.parseDouble(m.group(7));
      double out = Double.parseDouble(m.group(9));
      double gross = Double.parseDouble(m.group(10));
      assertThat(gross).as(line).isCloseTo((out - in) * s.side().sign(), within(0.006));
      total += gross;
    }
    assertThat(r.out()).contains("long: ").contains("short: ");
    assertThat(total).isNotZero();
  }

  @Test
  void shouldRefuseAnUnknownOption() {
    Run r = run("--tick", "0.1");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("unknown option --tick").contains("usage: Ta4jStrategyExample");
  }
}
