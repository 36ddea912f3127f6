package org.smc4j.backtest.replay;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;

/**
 * A conservative contract spec derived from candle data, for historical CSVs whose venue specs are
 * not at hand (used when no spec file is given, and said so in the output):
 *
 * <ul>
 *   <li>a linear USDT contract of one base unit ({@code ctVal = ctMult = 1});
 *   <li>tick = the smallest price increment the prices show: the largest {@code 10^-k} (k = 0..10)
 *       on whose grid every open, high, low and close lies;
 *   <li>lot size and minimum size = 0.001 base units, maximum order sizes unbounded (10^9).
 * </ul>
 *
 * Real venues may have a coarser lot or a larger minimum; a spec file gives exact sizing.
 */
public final class InferredContractSpec {

  /** The lot and minimum size assumed, in base units. */
  public static final BigDecimal DEFAULT_LOT = new BigDecimal("0.001");

  private static final int MAX_DECIMALS = 10;

  private InferredContractSpec() {}

  /**
   * Derives a spec.
   *
   * @param symbol the instrument, e.g. {@code BTCUSDT}
   * @param bars its candles, not empty
   * @return the spec
   * @throws IllegalArgumentException when there are no candles
   */
  public static ContractSpec from(String symbol, BarArrays bars) {
    Objects.requireNonNull(symbol, "symbol");
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(symbol + ": cannot infer a tick size without candles");
    }
    String base =
        symbol.toUpperCase(Locale.ROOT).endsWith("USDT")
            ? symbol.substring(0, symbol.length() - 4)
            : symbol;
    return new ContractSpec(
        symbol,
        ContractType.LINEAR,
        "USDT",
        BigDecimal.ONE,
        BigDecimal.ONE,
        base.isEmpty() ? symbol : base,
        tickSize(bars),
        DEFAULT_LOT,
        DEFAULT_LOT,
        new BigDecimal("1000000000"),
        new BigDecimal("1000000000"),
        InstrumentState.LIVE);
  }

  /**
   * Returns the smallest decimal increment the prices show.
   *
   * @param bars the candles
   * @return {@code 10^-k} for the smallest k (0..10) on whose grid all prices lie
   */
  public static BigDecimal tickSize(BarArrays bars) {
    double[][] columns = {
      bars.openUnsafe(), bars.highUnsafe(), bars.lowUnsafe(), bars.closeUnsafe()
    };
    for (int k = 0; k < MAX_DECIMALS; k++) {
      double scale = Math.pow(10, k);
      if (onGrid(columns, scale)) {
        return BigDecimal.ONE.movePointLeft(k);
      }
    }
    return BigDecimal.ONE.movePointLeft(MAX_DECIMALS);
  }

  private static boolean onGrid(double[][] columns, double scale) {
    for (double[] column : columns) {
      for (double p : column) {
        double x = p * scale;
        // decimal prices parsed into doubles are off the grid by rounding noise only
        if (Math.abs(x - Math.rint(x)) > 1e-9 * Math.max(1, Math.abs(x))) {
          return false;
        }
      }
    }
    return true;
  }
}
