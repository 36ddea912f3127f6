package org.smc4j.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Candle;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.validate.PriceOutlierRule;
import org.smc4j.marketdata.validate.ValidatedCandles;

class CanonicalCandleCsvWriterTest {

  private static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
  private static final long M5 = Timeframe.M5.millis();

  @TempDir Path dir;

  @Test
  void shouldWriteTheExactHeaderIsoTimesAndPlainShortestDecimals() throws IOException {
    Path f = dir.resolve("out.csv");

    try (CanonicalCandleCsvWriter w = CanonicalCandleCsvWriter.create(f)) {
      w.write(T0 + M5, 93548.80, 93690.00, 93514.20, 93648.40, 121011.0);
      w.write(T0 + 2 * M5, 0.0000123, 0.00001234, 0.0000012, 0.000005, 1.0e10);
    }

    assertThat(Files.readString(f))
        .isEqualTo(
            "open_time,open,high,low,close,volume\n"
                + "2025-01-01T00:05:00Z,93548.8,93690,93514.2,93648.4,121011\n"
                + "2025-01-01T00:10:00Z,0.0000123,0.00001234,0.0000012,0.000005,10000000000\n");
    assertThat(CsvFormat.detect(f)).contains(CsvFormat.CANONICAL);
  }

  @Test
  void shouldAppendAfterTheLastRowOfAnExistingFile() throws IOException {
    Path f = dir.resolve("BTC-USDT-SWAP_5m.csv");
    try (CanonicalCandleCsvWriter w = CanonicalCandleCsvWriter.create(f)) {
      w.write(T0, 2, 3, 1, 2.5, 10);
      w.write(T0 + M5, 2.5, 3, 2, 2.75, 0);
    }

    try (CanonicalCandleCsvWriter w = CanonicalCandleCsvWriter.append(f)) {
      assertThat(w.lastOpenTime()).contains(Instant.parse("2025-01-01T00:05:00Z"));
      assertThatThrownBy(() -> w.write(T0 + M5, 2, 3, 1, 2, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "bar 2025-01-01T00:05:00Z: open time must be after the last row's"
                  + " 2025-01-01T00:05:00Z in BTC-USDT-SWAP_5m.csv");
      w.write(new Candle(Instant.ofEpochMilli(T0 + 2 * M5), Timeframe.M5, 2.75, 4, 2.5, 3, 7.5));
    }

    ValidatedCandles back = CandleCsvReader.STRICT.read(f);
    assertThat(back.bars().size()).isEqualTo(3);
    assertThat(back.bars().close(2)).isEqualTo(3);
    assertThat(back.report().zeroVolumeBars())
        .containsExactly(Instant.parse("2025-01-01T00:05:00Z"));
  }

  @Test
  void shouldCreateAMissingFileWhenAppending() {
    Path f = dir.resolve("new.csv");

    try (CanonicalCandleCsvWriter w = CanonicalCandleCsvWriter.append(f)) {
      assertThat(w.lastOpenTime()).isEmpty();
      w.write(T0, 1, 1, 1, 1, 1);
    }

    assertThat(CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(f).bars().size())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseToAppendToAFileOfAnotherFormat() throws IOException {
    Path f = dir.resolve("bybit.csv");
    Files.writeString(f, "timestamp,open,high,low,close,volume\n");

    assertThatThrownBy(() -> CanonicalCandleCsvWriter.append(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessage(
            "bybit.csv:1: header: expected 'open_time,open,high,low,close,volume' to append to,"
                + " found 'timestamp,open,high,low,close,volume'");
  }

  @Test
  void shouldRefuseToAppendAfterAnIncompleteLastLine() throws IOException {
    Path f = dir.resolve("cut.csv");
    Files.writeString(
        f,
        "open_time,open,high,low,close,volume\n2025-01-01T00:00:00Z,1,1,1,1,1\n2025-01-01T00:05");

    assertThatThrownBy(() -> CanonicalCandleCsvWriter.append(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessage(
            "cut.csv:3: row: last line is incomplete (no line break); repair or remove it before"
                + " appending");
  }

  @Test
  void shouldRefuseABarBreakingAnOhlcRule() {
    try (CanonicalCandleCsvWriter w = CanonicalCandleCsvWriter.create(dir.resolve("x.csv"))) {
      assertThatThrownBy(() -> w.write(T0, 100, 99.5, 100.1, 100, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bar 2025-01-01T00:00:00Z: high 99.5 < low 100.1");
    }
  }

  @Test
  void shouldRefuseToFormatANonFiniteValue() {
    assertThatThrownBy(() -> CanonicalCandleCsvWriter.decimal(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite, was NaN");
  }

  @Provide
  Arbitrary<BarArrays> series() {
    Arbitrary<double[]> bar =
        Arbitraries.oneOf(
                Arbitraries.doubles().between(1e-9, 1e9).ofScale(15),
                Arbitraries.doubles().between(0.01, 200_000).ofScale(2),
                Arbitraries.doubles().between(1e-8, 1).ofScale(8))
            .array(double[].class)
            .ofSize(5);
    return Arbitraries.integers()
        .between(0, 1_000)
        .flatMap(
            start ->
                bar.list()
                    .ofMaxSize(40)
                    .map(
                        rows -> {
                          int n = rows.size();
                          long[] t = new long[n];
                          double[] o = new double[n];
                          double[] h = new double[n];
                          double[] l = new double[n];
                          double[] c = new double[n];
                          double[] v = new double[n];
                          for (int i = 0; i < n; i++) {
                            double[] four = Arrays.copyOf(rows.get(i), 4);
                            Arrays.sort(four);
                            t[i] = T0 + (start + 3L * i) * M5;
                            l[i] = four[0];
                            o[i] = four[1];
                            c[i] = four[2];
                            h[i] = four[3];
                            v[i] = rows.get(i)[4];
                          }
                          return BarArrays.of(Timeframe.M5, t, o, h, l, c, v);
                        }));
  }

  @Property(tries = 200)
  void writingCanonicalThenReadingBackIsTheIdentity(@ForAll("series") BarArrays bars)
      throws IOException {
    Path f = Files.createTempFile("smc4j-canonical", ".csv");
    try {
      CanonicalCandleCsvWriter.write(f, bars);

      // Random prices jump by orders of magnitude from bar to bar: no outlier check here.
      BarArrays back =
          CandleCsvReader.LENIENT
              .withTimeframe(Timeframe.M5)
              .withOutlierRule(PriceOutlierRule.OFF)
              .read(f)
              .bars();

      assertThat(back.openTimeMillisUnsafe()).isEqualTo(bars.openTimeMillisUnsafe());
      assertThat(back.openUnsafe()).isEqualTo(bars.openUnsafe());
      assertThat(back.highUnsafe()).isEqualTo(bars.highUnsafe());
      assertThat(back.lowUnsafe()).isEqualTo(bars.lowUnsafe());
      assertThat(back.closeUnsafe()).isEqualTo(bars.closeUnsafe());
      assertThat(back.volumeUnsafe()).isEqualTo(bars.volumeUnsafe());
      List<String> lines = Files.readAllLines(f);
      assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("E"));
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
