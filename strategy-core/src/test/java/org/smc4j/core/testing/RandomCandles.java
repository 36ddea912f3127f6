package org.smc4j.core.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

/**
 * Seeded random 5m candles that look enough like a market to exercise every rule of the strategy: a
 * random walk whose drift switches between up-trend, down-trend and range regimes, with occasional
 * impulse candles (which leave fair value gaps), pull-backs, prices on a 0.01 tick, a start at any
 * 5m slot of the quarter hour and rare holes in the data. The same seed always gives the same
 * candles, so a failing property's seed reproduces it.
 */
public final class RandomCandles {

  /** The tick of the generated prices. */
  public static final double TICK = 0.01;

  /** 2025-01-01T00:00Z. */
  private static final long T0 = 1_735_689_600_000L;

  private static final long M5 = Timeframe.M5.millis();

  private RandomCandles() {}

  /**
   * Generates candles.
   *
   * @param seed the seed
   * @param bars the number of candles, {@code >= 1}
   * @return checked 5m candles
   */
  public static BarArrays generate(long seed, int bars) {
    if (bars < 1) {
      throw new IllegalArgumentException("bars must be >= 1, was " + bars);
    }
    SplittableRandom r = new SplittableRandom(seed);
    long[] t = new long[bars];
    double[] o = new double[bars];
    double[] h = new double[bars];
    double[] l = new double[bars];
    double[] c = new double[bars];
    double[] v = new double[bars];
    long time = T0 + r.nextInt(3) * M5;
    double price = 100;
    double sigma = 0.0015 * (0.5 + r.nextDouble());
    double drift = 0;
    for (int i = 0; i < bars; i++) {
      if (r.nextInt(40) == 0) {
        // regime switch: trend up, trend down or range, with a new volatility
        int regime = r.nextInt(3);
        drift = regime == 0 ? 0 : (regime == 1 ? 1 : -1) * sigma * (0.2 + 0.6 * r.nextDouble());
        sigma = 0.0015 * (0.5 + r.nextDouble());
      }
      if (r.nextInt(500) == 0) {
        time += (1 + r.nextInt(4)) * M5; // a hole in the data
      }
      double open = price;
      double move = drift + sigma * gaussian(r);
      if (r.nextInt(25) == 0) {
        // an impulse candle in the trend's direction (or either way in a range)
        double sign = drift != 0 ? Math.signum(drift) : (r.nextBoolean() ? 1 : -1);
        move += sign * sigma * (3 + 4 * r.nextDouble());
      }
      double close = Math.max(open * (1 + move), 1);
      double wickUp = Math.abs(gaussian(r)) * sigma * 0.6 * open;
      double wickDown = Math.abs(gaussian(r)) * sigma * 0.6 * open;
      double oo = round(open);
      double cc = round(close);
      double hh = Math.max(round(Math.max(open, close) + wickUp), Math.max(oo, cc));
      double ll = Math.min(round(Math.min(open, close) - wickDown), Math.min(oo, cc));
      t[i] = time;
      o[i] = oo;
      h[i] = hh;
      l[i] = Math.max(ll, TICK);
      c[i] = cc;
      v[i] = round(10 + 100 * r.nextDouble());
      price = cc;
      time += M5;
    }
    return BarArrays.of(Timeframe.M5, Arrays.copyOf(t, bars), o, h, l, c, v);
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
    double u = 1 - r.nextDouble();
    double w = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
  }

  /** Rounds to the tick as a CSV parser would read it: the double nearest to the 2-decimal text. */
  private static double round(double price) {
    return Math.round(price * 100) / 100.0;
  }
}
