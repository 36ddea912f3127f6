package org.smc4j.marketdata.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

class CandleResamplerTest {

  private static final long M5 = Timeframe.M5.millis();
  private static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  private static BarArrays bars(long... openTimes) {
    int n = openTimes.length;
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      o[i] = 10 + i;
      h[i] = 20 + i;
      l[i] = 5 + i;
      c[i] = 11 + i;
      v[i] = (i + 1) / 10.0;
    }
    return BarArrays.of(Timeframe.M5, openTimes, o, h, l, c, v);
  }

  @Test
  void shouldBuildAFifteenMinuteBarFromThreeFiveMinuteBars() {
    BarArrays src = bars(T0, T0 + M5, T0 + 2 * M5);

    ResampledCandles r = CandleResampler.resample(src, Timeframe.M15);

    // open of the first, max high, min low, close of the last, volume 0.1 + 0.2 + 0.3 in decimal
    assertThat(r.bars().size()).isEqualTo(1);
    assertThat(r.bars().openTime(0)).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(r.bars().open(0)).isEqualTo(10);
    assertThat(r.bars().high(0)).isEqualTo(22);
    assertThat(r.bars().low(0)).isEqualTo(5);
    assertThat(r.bars().close(0)).isEqualTo(13);
    assertThat(r.bars().volume(0)).isEqualTo(0.6).isNotEqualTo(0.1 + 0.2 + 0.3);
    assertThat(r.dropped()).isEmpty();
  }

  @Test
  void shouldDropAndReportBucketsCutByTheEdgesOrAGap() {
    // 00:05 00:10 | 00:15 (gap at 00:20) 00:25 | 00:30 00:35 00:40 | 00:45
    BarArrays src =
        bars(
            T0 + M5,
            T0 + 2 * M5,
            T0 + 3 * M5,
            T0 + 5 * M5,
            T0 + 6 * M5,
            T0 + 7 * M5,
            T0 + 8 * M5,
            T0 + 9 * M5);

    ResampledCandles r = CandleResampler.resample(src, Timeframe.M15);

    assertThat(r.bars().size()).isEqualTo(1);
    assertThat(r.bars().openTime(0)).isEqualTo(Instant.parse("2025-01-01T00:30:00Z"));
    assertThat(r.dropped())
        .containsExactly(
            new IncompleteBucket(Instant.parse("2025-01-01T00:00:00Z"), 2, 3),
            new IncompleteBucket(Instant.parse("2025-01-01T00:15:00Z"), 2, 3),
            new IncompleteBucket(Instant.parse("2025-01-01T00:45:00Z"), 1, 3));
    assertThat(r.dropped().get(1).toString()).isEqualTo("2025-01-01T00:15:00Z (2 of 3 bars)");
  }

  @Test
  void shouldRejectATargetThatIsNotAMultipleOfTheSource() {
    assertThatThrownBy(() -> CandleResampler.resample(bars(T0), Timeframe.parse("7m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target timeframe 7m must be a whole multiple of the source timeframe 5m");
  }

  @Test
  void shouldRejectASourceBarOffItsGrid() {
    assertThatThrownBy(() -> CandleResampler.resample(bars(T0, T0 + 60_000), Timeframe.M15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bar 1 (2025-01-01T00:01:00Z): open time is not on the 5m grid");
  }

  @Test
  void shouldRejectAnInvalidIncompleteBucket() {
    assertThatThrownBy(() -> new IncompleteBucket(Instant.EPOCH, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("barsPresent must be in [1, barsExpected), was 3 with barsExpected 3");
  }

  /** A random series on the 5m grid with holes, its volumes as decimal text, and a multiple. */
  record Series(long[] times, double[] prices, String[] volumes, int multiple) {}

  @Provide
  Arbitrary<Series> series() {
    Arbitrary<Integer> start = Arbitraries.integers().between(0, 20);
    Arbitrary<List<Boolean>> present =
        Arbitraries.of(true, true, true, false).list().ofMaxSize(120);
    Arbitrary<Integer> multiple = Arbitraries.integers().between(1, 6);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(start, present, multiple, seed)
        .as(
            (s, p, k, sd) -> {
              Random random = new Random(sd);
              List<Long> times = new ArrayList<>();
              for (int i = 0; i < p.size(); i++) {
                if (p.get(i)) {
                  times.add(T0 + (s + i) * M5);
                }
              }
              int n = times.size();
              long[] t = new long[n];
              double[] prices = new double[4 * n];
              String[] volumes = new String[n];
              for (int i = 0; i < n; i++) {
                t[i] = times.get(i);
                for (int j = 0; j < 4; j++) {
                  prices[4 * i + j] = 1 + random.nextInt(100_000) / 100.0;
                }
                volumes[i] = BigDecimal.valueOf(random.nextInt(10_000_000), 3).toPlainString();
              }
              return new Series(t, prices, volumes, k);
            });
  }

  @Property(tries = 200)
  void resamplingEqualsANaiveGroupByBucketReference(@ForAll("series") Series s) {
    int n = s.times().length;
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double[] four = Arrays.copyOfRange(s.prices(), 4 * i, 4 * i + 4);
      Arrays.sort(four);
      l[i] = four[0];
      o[i] = four[1];
      c[i] = four[2];
      h[i] = four[3];
      v[i] = Double.parseDouble(s.volumes()[i]);
    }
    BarArrays src = BarArrays.of(Timeframe.M5, s.times(), o, h, l, c, v);
    Timeframe target = new Timeframe(M5 * s.multiple());

    ResampledCandles r = CandleResampler.resample(src, target);

    // Reference: group by bucket in a map, keep full buckets, sum the volume texts exactly.
    Map<Long, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups
          .computeIfAbsent(Math.floorDiv(s.times()[i], target.millis()), x -> new ArrayList<>())
          .add(i);
    }
    List<double[]> expected = new ArrayList<>();
    List<IncompleteBucket> expectedDropped = new ArrayList<>();
    for (Map.Entry<Long, List<Integer>> e : groups.entrySet()) {
      List<Integer> m = e.getValue();
      long bucket = e.getKey() * target.millis();
      if (m.size() < s.multiple()) {
        expectedDropped.add(
            new IncompleteBucket(Instant.ofEpochMilli(bucket), m.size(), s.multiple()));
        continue;
      }
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      BigDecimal vol = BigDecimal.ZERO;
      for (int i : m) {
        hi = Math.max(hi, h[i]);
        lo = Math.min(lo, l[i]);
        vol = vol.add(new BigDecimal(s.volumes()[i]));
      }
      expected.add(
          new double[] {bucket, o[m.get(0)], hi, lo, c[m.get(m.size() - 1)], vol.doubleValue()});
    }
    assertThat(r.bars().size()).isEqualTo(expected.size());
    for (int b = 0; b < expected.size(); b++) {
      double[] e = expected.get(b);
      assertThat(
              new double[] {
                r.bars().openTimeMillis(b),
                r.bars().open(b),
                r.bars().high(b),
                r.bars().low(b),
                r.bars().close(b),
                r.bars().volume(b)
              })
          .containsExactly(e);
    }
    assertThat(r.dropped()).isEqualTo(expectedDropped);
  }
}
