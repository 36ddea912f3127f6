package org.smc4j.marketdata.spec;

import java.math.BigDecimal;
import org.smc4j.core.bar.BarArrays;

/**
 * The one tick-size inference of smc4j, used when no venue spec names the tick: the finest decimal
 * step the prices show, i.e. {@code 10^-k} for the smallest {@code k} (0 to {@value #MAX_DECIMALS})
 * on whose grid every open, high, low and close lies. BTCUSDT on Binance ({@code 93548.80}) gives
 * 0.1, 1000PEPEUSDT ({@code 0.0123456}) 0.0000001.
 *
 * <p>A venue whose tick is not a power of ten (0.5, 0.25) is inferred finer than it is; give the
 * venue's spec for exact prices.
 */
public final class TickSizeInference {

  /** The most price decimals accepted. */
  public static final int MAX_DECIMALS = 10;

  private TickSizeInference() {}

  /**
   * Infers the tick size of a series.
   *
   * @param bars the candles, not empty
   * @return the tick, a power of ten
   * @throws IllegalArgumentException when there are no candles, or a price has more than {@value
   *     #MAX_DECIMALS} decimals
   */
  public static BigDecimal fromPrices(BarArrays bars) {
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("cannot infer the tick size without candles");
    }
    double[][] columns = {
      bars.openUnsafe(), bars.highUnsafe(), bars.lowUnsafe(), bars.closeUnsafe()
    };
    for (int k = 0; k <= MAX_DECIMALS; k++) {
      if (onGrid(columns, Math.pow(10, k))) {
        return BigDecimal.ONE.movePointLeft(k);
      }
    }
    throw new IllegalArgumentException(
        "cannot infer the tick size: a price has more than "
            + MAX_DECIMALS
            + " decimals; give the venue's tick size or contract specs");
  }

  private static boolean onGrid(double[][] columns, double scale) {
    for (double[] column : columns) {
      for (double p : column) {
        double x = p * scale;
        // a decimal price parsed into a double and scaled is off the grid by a few ulps only
        if (Math.abs(x - Math.rint(x)) > Math.max(4 * Math.ulp(x), 1e-9)) {
          return false;
        }
      }
    }
    return true;
  }
}
