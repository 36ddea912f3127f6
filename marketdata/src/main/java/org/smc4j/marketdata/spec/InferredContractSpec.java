package org.smc4j.marketdata.spec;

import java.math.BigDecimal;
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
 *   <li>tick = the smallest price increment the prices show ({@link TickSizeInference});
 *   <li>lot size and minimum size = the largest {@code 10^-k} base units (k = 0..12) worth at most
 *       {@link #MAX_LOT_VALUE_USDT} at the highest price seen (BTC at 109,000: 0.000001 BTC, worth
 *       0.11 USDT); maximum order sizes unbounded (10^9).
 * </ul>
 *
 * <p>Why so fine a lot: sizing rounds down to whole lots, so one lot's loss at the stop is what the
 * rounding can cost. With a lot worth at most 1 USDT that loss stays under 0.1 USDT (the default 10
 * % tolerance of a 1 USDT risk) for any stop up to 10 % away, so a trade risks close to the target
 * instead of the 0.44-0.78 USDT a 0.001 BTC lot left on BTC. Real venues have a coarser lot and a
 * larger minimum; a spec file gives exact sizing.
 */
public final class InferredContractSpec {

  /** The most one inferred lot is worth at the highest price seen, in USDT. */
  public static final BigDecimal MAX_LOT_VALUE_USDT = BigDecimal.ONE;

  private static final int MAX_LOT_DECIMALS = 12;

  private InferredContractSpec() {}

  /**
   * Derives a spec.
   *
   * @param symbol the instrument, e.g. {@code BTCUSDT}
   * @param bars its candles, not empty
   * @return the spec
   * @throws IllegalArgumentException when there are no candles or the tick cannot be inferred
   */
  public static ContractSpec from(String symbol, BarArrays bars) {
    Objects.requireNonNull(symbol, "symbol");
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(symbol + ": cannot infer a tick size without candles");
    }
    String key = ContractSpecs.key(symbol);
    String base = key.endsWith("USDT") ? key.substring(0, key.length() - 4) : key;
    BigDecimal lot = lotSize(bars);
    return new ContractSpec(
        symbol,
        ContractType.LINEAR,
        "USDT",
        BigDecimal.ONE,
        BigDecimal.ONE,
        base.isEmpty() ? symbol : base,
        TickSizeInference.fromPrices(bars),
        lot,
        lot,
        new BigDecimal("1000000000"),
        new BigDecimal("1000000000"),
        InstrumentState.LIVE);
  }

  /**
   * Returns the lot assumed for the candles' instrument: the largest {@code 10^-k} base units (k =
   * 0..12) worth at most {@link #MAX_LOT_VALUE_USDT} at the highest high.
   *
   * @param bars the candles, not empty
   * @return the lot, in base units
   * @throws IllegalArgumentException when there are no candles
   */
  public static BigDecimal lotSize(BarArrays bars) {
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("cannot infer a lot size without candles");
    }
    double maxHigh = 0;
    for (double h : bars.highUnsafe()) {
      maxHigh = Math.max(maxHigh, h);
    }
    BigDecimal highest = BigDecimal.valueOf(maxHigh);
    for (int k = 0; k < MAX_LOT_DECIMALS; k++) {
      BigDecimal lot = BigDecimal.ONE.movePointLeft(k);
      if (lot.multiply(highest).compareTo(MAX_LOT_VALUE_USDT) <= 0) {
        return lot;
      }
    }
    return BigDecimal.ONE.movePointLeft(MAX_LOT_DECIMALS);
  }
}
