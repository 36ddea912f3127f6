package org.smc4j.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

class CandleColumnsTest {

  /** The candles decoded as the report's script decodes them (report.js: decode). */
  record Decoded(long[] time, double[] open, double[] high, double[] low, double[] close) {}

  static long[] varints(String base64, int n, boolean zigzag) {
    byte[] b = Base64.getDecoder().decode(base64);
    long[] out = new long[n];
    int p = 0;
    for (int i = 0; i < n; i++) {
      long v = 0;
      int shift = 0;
      int x;
      do {
        x = b[p++] & 0xFF;
        v |= (long) (x & 0x7F) << shift;
        shift += 7;
      } while ((x & 0x80) != 0);
      out[i] = zigzag ? (v >>> 1) ^ -(v & 1) : v;
    }
    assertThat(p).as("bytes read of " + b.length).isEqualTo(b.length);
    return out;
  }

  static Decoded decode(CandleColumns c) {
    int n = c.size();
    long[] oc = varints(c.open(), n, true);
    long[] cd = varints(c.close(), n, true);
    long[] hd = varints(c.high(), n, false);
    long[] ld = varints(c.low(), n, false);
    double scale = Math.pow(10, c.decimals());
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] cl = new double[n];
    long time = c.firstOpenMillis();
    long prev = 0;
    int gap = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        long steps = 1;
        if (gap < c.gaps().size() && c.gaps().get(gap)[0] == i) {
          steps = c.gaps().get(gap++)[1];
        }
        time += steps * c.unitMillis();
      }
      long oi = prev + oc[i];
      long ci = oi + cd[i];
      t[i] = time;
      o[i] = oi / scale;
      cl[i] = ci / scale;
      h[i] = (Math.max(oi, ci) + hd[i]) / scale;
      l[i] = (Math.min(oi, ci) - ld[i]) / scale;
      prev = ci;
    }
    return new Decoded(t, o, h, l, cl);
  }

  static void assertRoundTrip(BarArrays bars, double tolerance) {
    Decoded d = decode(CandleColumns.of(bars));
    assertThat(d.time()).containsExactly(bars.openTimeMillisUnsafe());
    for (int i = 0; i < bars.size(); i++) {
      assertThat(d.open()[i]).as("open %d", i).isCloseTo(bars.open(i), within(tolerance));
      assertThat(d.high()[i]).as("high %d", i).isCloseTo(bars.high(i), within(tolerance));
      assertThat(d.low()[i]).as("low %d", i).isCloseTo(bars.low(i), within(tolerance));
      assertThat(d.close()[i]).as("close %d", i).isCloseTo(bars.close(i), within(tolerance));
    }
  }

  @Test
  void shouldRoundTripRealCandlesExactlyAtTheirTickDecimals() {
    BarArrays btc = HtmlReportWriterTest.january("BTCUSDT");
    BarArrays pepe = HtmlReportWriterTest.january("1000PEPEUSDT");
    CandleColumns c = CandleColumns.of(btc);
    // Binance writes 93548.80: the prices are whole tenths
    assertThat(c.decimals()).isEqualTo(1);
    assertThat(c.unitMillis()).isEqualTo(300_000);
    assertThat(c.gaps()).isEmpty();
    assertRoundTrip(btc, 1e-9);
    assertThat(CandleColumns.of(pepe).decimals()).isEqualTo(7);
    assertRoundTrip(pepe, 1e-15);
    // about 6 to 9 bytes of base64 per 5m candle
    int chars = c.open().length() + c.close().length() + c.high().length() + c.low().length();
    assertThat((double) chars / btc.size()).isBetween(4.0, 10.0);
  }

  @Test
  void shouldEncodeGapsAsStepsOfTheTimeUnit() {
    // opens at 0, 5, 10, 25 and 27.5 minutes: unit 2.5 minutes, 2, 2, 6 and 1 units apart
    long m = 60_000;
    long[] t = {0, 5 * m, 10 * m, 25 * m, 27 * m + 30_000};
    double[] p = {10, 11, 12, 13, 14};
    BarArrays bars = BarArrays.of(Timeframe.M5, t, p, p, p, p, new double[5]);
    CandleColumns c = CandleColumns.of(bars);
    assertThat(c.unitMillis()).isEqualTo(150_000);
    assertThat(c.gaps()).hasSize(3);
    assertThat(c.gaps().get(0)).containsExactly(1, 2);
    assertThat(c.gaps().get(1)).containsExactly(2, 2);
    assertThat(c.gaps().get(2)).containsExactly(3, 6);
    assertRoundTrip(bars, 0);
  }

  @Test
  void shouldKeepNineSignificantDigitsOfPricesWithoutAShortDecimalForm() {
    double[] o = {Math.PI * 1000, Math.E * 1000};
    double[] c = {Math.E * 1000, Math.PI * 1000};
    double[] h = {3200.123456789, 3200.5};
    double[] l = {2700.987654321, 2700.1};
    BarArrays bars = BarArrays.of(Timeframe.M5, new long[] {0, 300_000}, o, h, l, c, new double[2]);
    // 3141.59265...: 4 digits before the point, 9 significant digits keep 5 after it
    assertThat(CandleColumns.decimals(bars)).isEqualTo(5);
    assertRoundTrip(bars, 0.5e-5 + 1e-12);
  }

  @Test
  void shouldRefuseNoCandles() {
    assertThatThrownBy(() -> CandleColumns.of(BarArrays.empty(Timeframe.M5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no candles to encode");
  }

  @Property(tries = 200)
  void shouldRoundTripRandomWalksAtTheirTick(
      @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 8) int decimals,
      @ForAll @LongRange(min = 1, max = 10_000_000) long startTicks,
      @ForAll @IntRange(min = 1, max = 500) int volatilityBasisPoints,
      @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    double volatility = volatilityBasisPoints / 10_000.0;
    double tick = Math.pow(10, -decimals);
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    long price = startTicks;
    for (int i = 0; i < n; i++) {
      t[i] = 1_735_689_600_000L + 300_000L * (i + (i > n / 2 ? 7 : 0));
      long open = price;
      long close = Math.max(1, open + Math.round(random.nextGaussian() * volatility * open));
      long high = Math.max(open, close) + Math.round(random.nextDouble() * volatility * open);
      long low =
          Math.max(1, Math.min(open, close) - Math.round(random.nextDouble() * volatility * open));
      o[i] = open * tick;
      c[i] = close * tick;
      h[i] = high * tick;
      l[i] = Math.min(low, Math.min(open, close)) * tick;
      price = random.nextInt(10) == 0 ? close + 1 : close;
    }
    BarArrays bars = BarArrays.of(Timeframe.M5, t, o, h, l, c, new double[n]);
    CandleColumns columns = CandleColumns.of(bars);
    assertThat(columns.decimals()).isLessThanOrEqualTo(decimals);
    assertRoundTrip(bars, tick * 1e-6);
  }
}
