package org.smc4j.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

/**
 * A hand-built 5m candle sequence for example tests, starting 2025-01-01T00:00Z. {@link #quarter}
 * adds three identical 5m candles, i.e. one derived 15m candle with that high, low and close (15m
 * bar {@code q} is made of 5m bars {@code 3q .. 3q+2} and is known at 5m bar {@code 3q+2}).
 */
final class Scenario {

  static final long T0 = 1_735_689_600_000L;
  static final long M5 = 300_000L;
  static final double TICK = 0.01;

  private final List<double[]> bars = new ArrayList<>();

  static Scenario start() {
    return new Scenario();
  }

  /** Adds {@code count} quiet quarters (high 101, low 99, close 100: TR 2, so ATR 2). */
  Scenario warmUp(int count) {
    for (int q = 0; q < count; q++) {
      quarter(101, 99, 100);
    }
    return this;
  }

  /** Adds one 15m candle as three identical 5m candles. */
  Scenario quarter(double high, double low, double close) {
    five(high, low, close);
    five(high, low, close);
    five(high, low, close);
    return this;
  }

  /** Adds one 5m candle; its open is the previous close clamped into [low, high]. */
  Scenario five(double high, double low, double close) {
    double prev = bars.isEmpty() ? close : bars.get(bars.size() - 1)[3];
    double open = Math.max(low, Math.min(high, prev));
    bars.add(new double[] {open, high, low, close});
    return this;
  }

  /**
   * Returns the same candles reflected around 100 (price p becomes 200 - p): long becomes short.
   */
  Scenario mirrored() {
    Scenario m = new Scenario();
    for (double[] b : bars) {
      m.bars.add(new double[] {200 - b[0], 200 - b[2], 200 - b[1], 200 - b[3]});
    }
    return m;
  }

  /** Returns Wilder's ATR(14) of the 5m candles at bar {@code index}, computed independently. */
  double atr5(int index) {
    double atr = 0;
    double sum = 0;
    for (int i = 0; i <= index; i++) {
      double[] b = bars.get(i);
      double tr =
          i == 0
              ? b[1] - b[2]
              : Math.max(b[1], bars.get(i - 1)[3]) - Math.min(b[2], bars.get(i - 1)[3]);
      if (i < 13) {
        sum += tr;
      } else if (i == 13) {
        atr = (sum + tr) / 14;
      } else {
        atr = (atr * 13 + tr) / 14;
      }
    }
    return atr;
  }

  int size() {
    return bars.size();
  }

  BarArrays toBars() {
    int n = bars.size();
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double[] b = bars.get(i);
      t[i] = T0 + i * M5;
      o[i] = b[0];
      h[i] = b[1];
      l[i] = b[2];
      c[i] = b[3];
      v[i] = 1;
    }
    return BarArrays.of(Timeframe.M5, t, o, h, l, c, v);
  }

  StrategyRun run() {
    return run(StrategyConfig.DEFAULT);
  }

  StrategyRun run(StrategyConfig config) {
    return StrategyEngine.run(toBars(), config, TICK);
  }

  static <T extends StrategyEvent> List<T> of(StrategyRun run, Class<T> kind, Predicate<T> p) {
    return run.eventsOf(kind).stream().filter(p).toList();
  }

  static long open5(int i) {
    return T0 + i * M5;
  }

  static long open15(int q) {
    return T0 + q * 3 * M5;
  }

  static long close15(int q) {
    return T0 + (q + 1) * 3 * M5;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (double[] b : bars) {
      sb.append(Arrays.toString(b)).append('\n');
    }
    return sb.toString();
  }
}
