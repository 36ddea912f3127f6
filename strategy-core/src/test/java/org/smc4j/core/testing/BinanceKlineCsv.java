package org.smc4j.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

/**
 * Test-only reader of Binance USDT-M monthly kline CSV files (header, then {@code
 * open_time_ms,open,high,low,close,volume,close_time,...}). strategy-core has no file reader of its
 * own; the marketdata module owns the production one.
 */
public final class BinanceKlineCsv {

  private BinanceKlineCsv() {}

  /**
   * Reads every {@code *.csv} file of a folder (sorted by name, i.e. by month) into one candle set.
   *
   * @param folder e.g. {@code SharedData.requireData("binance-usdm/BTCUSDT/5m")}
   * @param timeframe the files' timeframe
   * @return the candles, checked by {@link BarArrays#of}
   */
  public static BarArrays readFolder(Path folder, Timeframe timeframe) {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = 0;
    long[] t = new long[65_536];
    double[] o = new double[t.length];
    double[] h = new double[t.length];
    double[] l = new double[t.length];
    double[] c = new double[t.length];
    double[] v = new double[t.length];
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.US_ASCII)) {
        String line = r.readLine();
        if (line == null || !line.startsWith("open_time")) {
          throw new IllegalStateException(f + ": expected a Binance kline header, got " + line);
        }
        while ((line = r.readLine()) != null) {
          if (line.isEmpty()) {
            continue;
          }
          if (n == t.length) {
            int cap = n * 2;
            t = Arrays.copyOf(t, cap);
            o = Arrays.copyOf(o, cap);
            h = Arrays.copyOf(h, cap);
            l = Arrays.copyOf(l, cap);
            c = Arrays.copyOf(c, cap);
            v = Arrays.copyOf(v, cap);
          }
          String[] f6 = line.split(",", 7);
          t[n] = Long.parseLong(f6[0]);
          o[n] = Double.parseDouble(f6[1]);
          h[n] = Double.parseDouble(f6[2]);
          l[n] = Double.parseDouble(f6[3]);
          c[n] = Double.parseDouble(f6[4]);
          v[n] = Double.parseDouble(f6[5]);
          n++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return BarArrays.of(
        timeframe,
        Arrays.copyOf(t, n),
        Arrays.copyOf(o, n),
        Arrays.copyOf(h, n),
        Arrays.copyOf(l, n),
        Arrays.copyOf(c, n),
        Arrays.copyOf(v, n));
  }
}
