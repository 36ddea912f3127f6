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
 *   <li>lot size and minimum size = 0.001 base units, maximum order sizes unbounded (10^9).
 * </ul>
 *
 * Real venues may have a coarser lot or a larger minimum; a spec file gives exact sizing.
 */
public final class InferredContractSpec {

  /** The lot and minimum size assumed, in base units. */
  public static final BigDecimal DEFAULT_LOT = new BigDecimal("0.001");

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
    return new ContractSpec(
        symbol,
        ContractType.LINEAR,
        "USDT",
        BigDecimal.ONE,
        BigDecimal.ONE,
        base.isEmpty() ? symbol : base,
        TickSizeInference.fromPrices(bars),
        DEFAULT_LOT,
        DEFAULT_LOT,
        new BigDecimal("1000000000"),
        new BigDecimal("1000000000"),
        InstrumentState.LIVE);
  }
}
