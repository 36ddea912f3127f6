package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.EventText;
import org.smc4j.core.testing.SharedData;

/**
 * Golden regression of the whole engine on real data: Binance USDT-M BTCUSDT and SOLUSDT 5m
 * candles, 2025-01-01 .. 2025-06-30 (52,128 bars each, from {@code ../shared/data}), 15m derived,
 * {@link StrategyConfig#DEFAULT}. The golden file beside this test's package ({@code
 * src/test/resources/org/smc4j/core/engine/golden/<SYMBOL>-5m-2025H1.txt}) pins the number of
 * events per kind, the SHA-256 of the canonical text of every event in order ({@link EventText})
 * and, readable for review, the canonical line of every entry signal.
 *
 * <p>Any change of behaviour fails this test. When the change is intended, regenerate the files
 * with the explicit flag and review their diff like code:
 *
 * <pre>
 * ./mvn21 -pl strategy-core test -Dtest=StrategyGoldenTest -Dsmc4j.golden.update=true
 * </pre>
 *
 * Without the flag the files are only read. Skipped with a message when the data is absent.
 */
class StrategyGoldenTest {

  private static final Path GOLDEN_DIR =
      Paths.get("src/test/resources/org/smc4j/core/engine/golden");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BTCUSDT, 0.1", "SOLUSDT, 0.01"})
  void shouldReproduceTheGoldenEventsOnSixMonthsOfRealData(String symbol, double tick)
      throws IOException {
    BarArrays five =
        BinanceKlineCsv.readFolder(
            SharedData.requireData("binance-usdm/" + symbol + "/5m"), Timeframe.M5);
    StrategyRun run = StrategyEngine.run(five, StrategyConfig.DEFAULT, tick);
    List<String> actual = golden(symbol, tick, run);
    Path file = GOLDEN_DIR.resolve(symbol + "-5m-2025H1.txt");
    if (Boolean.getBoolean("smc4j.golden.update")) {
      Files.createDirectories(GOLDEN_DIR);
      Files.write(file, actual, StandardCharsets.UTF_8);
      System.out.println("golden file rewritten: " + file.toAbsolutePath());
      return;
    }
    assertThat(file).as("golden file missing; create it with -Dsmc4j.golden.update=true").exists();
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    // counts first, so a failure says which kind changed before the hash says that something did
    assertThat(values(actual))
        .as(
            "%s: counts and hash differ from %s (regenerate with -Dsmc4j.golden.update=true if"
                + " intended)",
            symbol, file)
        .containsExactlyEntriesOf(values(expected));
    assertThat(actual).as("%s: signal lines", symbol).isEqualTo(expected);
  }

  private static List<String> golden(String symbol, double tick, StrategyRun run) {
    Map<StrategyEventKind, Integer> counts = new EnumMap<>(StrategyEventKind.class);
    for (StrategyEventKind k : StrategyEventKind.values()) {
      counts.put(k, 0);
    }
    for (StrategyEvent e : run.events()) {
      counts.merge(StrategyEventKind.of(e), 1, Integer::sum);
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "# StrategyEngine.run over binance-usdm "
            + symbol
            + " 5m 2025-01-01..2025-06-30, 15m derived, StrategyConfig.DEFAULT, tick "
            + tick);
    lines.add("# written by StrategyGoldenTest with -Dsmc4j.golden.update=true; review the diff");
    lines.add("bars.5m=" + run.barCount());
    lines.add("bars.15m=" + run.contextBarCount());
    lines.add("events=" + run.events().size());
    counts.forEach((k, n) -> lines.add("count." + k + "=" + n));
    lines.add("count.POI_ARMED=" + run.eventsOf(PoiArmedEvent.class).size());
    lines.add("count.POI_TAPPED=" + run.eventsOf(PoiTappedEvent.class).size());
    lines.add("count.POI_DEAD=" + run.eventsOf(PoiDeadEvent.class).size());
    lines.add("sha256=" + EventText.sha256(run.events()));
    for (EntrySignal s : run.signals()) {
      lines.add(EventText.line(s));
    }
    return lines;
  }

  private static Map<String, String> values(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && !line.startsWith("SIGNAL") && eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }
}
