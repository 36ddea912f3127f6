package org.smc4j.marketdata.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;

/**
 * Price outliers on real files: a copy of a real month with one bad tick injected is caught at the
 * right file and line, and the real data themselves raise no alarm.
 */
class PriceOutlierTest {

  private static final String MARCH = "binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-03.csv";

  @TempDir Path dir;

  /** Copies a real file into the temp dir with one line rewritten. */
  private Path copyWithLine(String relative, int lineNumber, UnaryOperator<String[]> edit)
      throws IOException {
    Path real = SharedData.requireData(relative);
    List<String> lines = new ArrayList<>(Files.readAllLines(real));
    String[] cols = lines.get(lineNumber - 1).split(",", -1);
    lines.set(lineNumber - 1, String.join(",", edit.apply(cols)));
    Path copy = dir.resolve(real.getFileName().toString());
    Files.write(copy, lines);
    return copy;
  }

  private static String times(String decimal, String factor) {
    return new BigDecimal(decimal).multiply(new BigDecimal(factor)).toPlainString();
  }

  @Test
  void shouldFailStrictAtTheLineOfAHundredfoldWickInARealMonth() throws IOException {
    // Line 5000 of the March file: 2025-03-18T08:30Z (open time 1742286600000).
    Path f =
        copyWithLine(
            MARCH,
            5000,
            cols -> {
              cols[2] = times(cols[2], "100");
              return cols;
            });

    assertThatThrownBy(() -> CandleCsvReader.STRICT.read(f))
        .isInstanceOf(DataProblemException.class)
        .hasMessageStartingWith("BTCUSDT-5m-2025-03.csv:5000: high: range ")
        .hasMessageContaining("x the median range")
        .hasMessageContaining("of the 101 bars around it (limit 50 x): price outlier");
  }

  @Test
  void shouldDropAndListOnlyTheHundredfoldWickWhenLenient() throws IOException {
    Path real = SharedData.requireData(MARCH);
    Path f =
        copyWithLine(
            MARCH,
            5000,
            cols -> {
              cols[2] = times(cols[2], "100");
              return cols;
            });

    ValidatedCandles lenient = CandleCsvReader.LENIENT.read(f);

    ValidationReport report = lenient.report();
    assertThat(report.problems()).hasSize(1);
    DataProblem p = report.problems().get(0);
    assertThat(p.kind()).isEqualTo(ProblemKind.PRICE_OUTLIER);
    assertThat(p.source()).isEqualTo("BTCUSDT-5m-2025-03.csv");
    assertThat(p.line()).isEqualTo(5000);
    assertThat(p.field()).isEqualTo("high");
    assertThat(p.openTime()).contains(Instant.ofEpochMilli(1_742_286_600_000L));
    assertThat(report.count(ProblemKind.PRICE_OUTLIER)).isEqualTo(1);
    // The dropped bar leaves a reported one-bar gap at the next line; nothing else changes.
    assertThat(report.gaps()).hasSize(1);
    assertThat(report.gaps().get(0).toString())
        .startsWith("BTCUSDT-5m-2025-03.csv:5001: open_time: gap of 1 bar");
    BarArrays clean = CandleCsvReader.STRICT.read(real).bars();
    BarArrays kept = lenient.bars();
    assertThat(kept.size()).isEqualTo(clean.size() - 1);
    assertThat(kept.highUnsafe())
        .containsSequence(clean.highUnsafe()[4997], clean.highUnsafe()[4999]);
  }

  @Test
  void shouldCatchAWickDownToAHundredthOfThePriceOnTheLowSide() throws IOException {
    // Bybit layout: timestamp,open,high,low,close,volume; line 2 is the first bar.
    Path f =
        copyWithLine(
            "bybit-linear/SOLUSDT/5m/SOLUSDT_5m.csv",
            12_345,
            cols -> {
              cols[3] = times(cols[3], "0.01");
              return cols;
            });

    ValidatedCandles lenient = CandleCsvReader.LENIENT.read(f);

    assertThat(lenient.report().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(ProblemKind.PRICE_OUTLIER);
              assertThat(p.line()).isEqualTo(12_345);
              assertThat(p.field()).isEqualTo("low");
            });
  }

  @Test
  void shouldCatchAFlatBarAtTenTimesThePriceByItsJumpButNotTheBarAfterIt() throws IOException {
    Path f =
        copyWithLine(
            MARCH,
            700,
            cols -> {
              String p = times(cols[4], "10");
              cols[1] = p;
              cols[2] = p;
              cols[3] = p;
              cols[4] = p;
              return cols;
            });

    ValidatedCandles lenient = CandleCsvReader.LENIENT.read(f);

    assertThat(lenient.report().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(700);
              assertThat(p.field()).isEqualTo("open");
              assertThat(p.message())
                  .contains("from the previous close")
                  .endsWith("is as far from the next open: price outlier");
            });
  }

  @Test
  void shouldNotFlagARealMoveToANewLevel() throws IOException {
    // Every bar from line 3000 on at 1.5 times its price: one jump, then a consistent series.
    Path real = SharedData.requireData(MARCH);
    List<String> lines = new ArrayList<>(Files.readAllLines(real));
    for (int i = 2999; i < lines.size(); i++) {
      String[] cols = lines.get(i).split(",", -1);
      for (int c = 1; c <= 4; c++) {
        cols[c] = times(cols[c], "1.5");
      }
      lines.set(i, String.join(",", cols));
    }
    Path f = dir.resolve("BTCUSDT-5m-2025-03.csv");
    Files.write(f, lines);

    ValidatedCandles strict = CandleCsvReader.STRICT.read(f);

    assertThat(strict.report().hasProblems()).isFalse();
  }

  @Test
  void shouldUseTheConfiguredMultiples() throws IOException {
    // A high 10 % above the price: about 70 median ranges (117.7 around line 5000), so caught at
    // 50 x and not by a looser rule.
    Path f =
        copyWithLine(
            MARCH,
            5000,
            cols -> {
              cols[2] = times(cols[2], "1.1");
              return cols;
            });
    CandleCsvReader loose =
        CandleCsvReader.LENIENT.withOutlierRule(PriceOutlierRule.DEFAULT.withRangeMultiple(1e6));

    assertThat(CandleCsvReader.LENIENT.read(f).report().count(ProblemKind.PRICE_OUTLIER))
        .isEqualTo(1);
    assertThat(loose.read(f).report().hasProblems()).isFalse();
    assertThat(
            CandleCsvReader.LENIENT
                .withOutlierRule(PriceOutlierRule.OFF)
                .read(f)
                .report()
                .hasProblems())
        .isFalse();
  }

  @Test
  void shouldRaiseNoAlarmOnAnyRealSeriesEvenWithTighterThanDefaultLimits() throws IOException {
    // Every candle series of shared/data, files of one folder read as one series. The documented
    // margin: the largest real range is 17.2 medians and the largest jump 1.6.
    PriceOutlierRule tight = PriceOutlierRule.DEFAULT.withRangeMultiple(18).withJumpMultiple(2);
    Path data = SharedData.requireData("");
    Map<Path, List<Path>> series = new TreeMap<>();
    try (Stream<Path> s = Files.walk(data)) {
      s.filter(p -> p.toString().endsWith(".csv"))
          .filter(p -> !p.toString().contains("funding"))
          .forEach(p -> series.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
    }
    assertThat(series).hasSize(15);
    for (Map.Entry<Path, List<Path>> e : series.entrySet()) {
      ValidatedCandles checked = CandleCsvReader.STRICT.withOutlierRule(tight).read(e.getValue());
      assertThat(checked.report().problems()).as(e.getKey().toString()).isEmpty();
    }
  }

  @Test
  void shouldNotCheckASeriesShorterThanTheMinimum() {
    // 20 bars, the last one a wick of 100 times the price: too few neighbours to judge.
    int n = PriceOutlierRule.MIN_BARS - 1;
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = Timeframe.M5.millis() * i;
      o[i] = 100;
      c[i] = 100.5;
      h[i] = i == n - 1 ? 10_000 : 101;
      l[i] = 99;
      v[i] = 1;
      lines[i] = i + 2;
    }
    RawCandles raw =
        RawCandles.ofUnsafe(
            Path.of("x.csv"), n, n, t, new long[0], o, h, l, c, v, lines, List.of());

    ValidatedCandles checked =
        CandleValidator.validate(List.of(raw), Timeframe.M5, ValidationMode.STRICT);

    assertThat(checked.bars().size()).isEqualTo(n);
  }

  @Test
  void shouldRejectARuleOutsideItsBoundsNamingFieldAndValue() {
    assertThatThrownBy(() -> new PriceOutlierRule(4, 50, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be >= 5, was 4");
    assertThatThrownBy(() -> PriceOutlierRule.DEFAULT.withRangeMultiple(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rangeMultiple must be > 1, was 1.0");
    assertThatThrownBy(() -> PriceOutlierRule.DEFAULT.withJumpMultiple(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jumpMultiple must be > 0, was NaN");
  }
}
