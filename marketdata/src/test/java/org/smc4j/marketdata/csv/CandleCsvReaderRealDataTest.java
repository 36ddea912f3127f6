package org.smc4j.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationReport;

class CandleCsvReaderRealDataTest {

  private static List<Path> csvFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  @Test
  void shouldLoadSixBinanceMonthsAsOneGaplessSeriesWithTheTwoJanuaryZeroVolumeBars()
      throws IOException {
    Path dir = SharedData.requireData("binance-usdm/BTCUSDT/5m");
    // Reverse the order on purpose: files are put in order by their first open time.
    List<Path> files = csvFiles(dir).reversed();

    ValidatedCandles loaded = CandleCsvReader.STRICT.read(files);

    BarArrays bars = loaded.bars();
    ValidationReport report = loaded.report();
    assertThat(bars.size()).isEqualTo(52_128);
    assertThat(bars.timeframe()).isEqualTo(Timeframe.M5);
    assertThat(bars.openTime(0)).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(bars.openTime(bars.size() - 1)).isEqualTo(Instant.parse("2025-06-30T23:55:00Z"));
    // First data row of BTCUSDT-5m-2025-01.csv: 93548.80,93690.00,93514.20,93648.40,341.604
    assertThat(bars.open(0)).isEqualTo(93548.80);
    assertThat(bars.high(0)).isEqualTo(93690.00);
    assertThat(bars.low(0)).isEqualTo(93514.20);
    assertThat(bars.close(0)).isEqualTo(93648.40);
    assertThat(bars.volume(0)).isEqualTo(341.604);
    assertThat(report.files().get(0).getFileName().toString()).isEqualTo("BTCUSDT-5m-2025-01.csv");
    assertThat(report.gaps()).isEmpty();
    assertThat(report.problems()).isEmpty();
    assertThat(report.zeroVolumeBars())
        .containsExactly(
            Instant.parse("2025-01-29T01:25:00Z"), Instant.parse("2025-01-29T01:30:00Z"));
    assertThat(report.warnings().get(0).toString())
        // grep -n 1738113900000 BTCUSDT-5m-2025-01.csv: line 8083 (the header is line 1)
        .startsWith("BTCUSDT-5m-2025-01.csv:8083: volume: zero volume");
  }

  @Test
  void shouldReadTheBybitTimestampFormatAndInferItsTimeframeFromTheSteps() {
    Path file = SharedData.requireData("bybit-linear/ETHUSDT/5m/ETHUSDT_5m.csv");

    ValidatedCandles loaded = CandleCsvReader.STRICT.read(file);

    assertThat(loaded.bars().size()).isEqualTo(25_920);
    assertThat(loaded.bars().timeframe()).isEqualTo(Timeframe.M5);
    // 2025-04-03 17:05:00+00:00,1773.32,1778.59,1773.11,1774.49,2784.33
    assertThat(loaded.bars().openTime(0)).isEqualTo(Instant.parse("2025-04-03T17:05:00Z"));
    assertThat(loaded.bars().close(0)).isEqualTo(1774.49);
    assertThat(loaded.bars().volume(0)).isEqualTo(2784.33);
    assertThat(loaded.report().hasProblems()).isFalse();
  }

  @Test
  void shouldParseEveryNumberOfEveryRealFileExactlyAsDoubleParseDouble() throws IOException {
    Path data = SharedData.requireData("");
    List<Path> files;
    try (Stream<Path> s = Files.walk(data)) {
      files =
          s.filter(p -> p.toString().endsWith(".csv"))
              .filter(p -> !p.toString().contains("funding"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSize(35);
    for (Path f : files) {
      BarArrays bars = CandleCsvReader.STRICT.read(f).bars();
      List<String> lines = Files.readAllLines(f);
      assertThat(bars.size()).as(f.toString()).isEqualTo(lines.size() - 1);
      for (int i = 0; i < bars.size(); i++) {
        String[] cols = lines.get(i + 1).split(",");
        assertThat(bars.open(i)).isEqualTo(Double.parseDouble(cols[1]));
        assertThat(bars.high(i)).isEqualTo(Double.parseDouble(cols[2]));
        assertThat(bars.low(i)).isEqualTo(Double.parseDouble(cols[3]));
        assertThat(bars.close(i)).isEqualTo(Double.parseDouble(cols[4]));
        assertThat(bars.volume(i))
            .as("%s line %d", f, i + 2)
            .isEqualTo(Double.parseDouble(cols[5]));
      }
    }
  }
}
