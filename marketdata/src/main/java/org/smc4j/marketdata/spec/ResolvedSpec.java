package org.smc4j.marketdata.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.instrument.ContractSpec;

/**
 * The contract spec used for one symbol and where it came from.
 *
 * @param symbol the symbol of the candles, e.g. {@code BTCUSDT}
 * @param spec the spec (its instrument id may be the venue's, e.g. {@code BTC-USDT-SWAP})
 * @param source the spec file (or shipped specs) it was read from; empty when it was inferred from
 *     the candles
 * @param missedIn for an inferred spec, the catalogue the symbol was looked up in first and is
 *     missing from, e.g. {@code the OKX specs shipped with smc4j, 2 USDT swaps as of 2025-10-24};
 *     empty otherwise
 */
public record ResolvedSpec(
    String symbol, ContractSpec spec, Optional<String> source, Optional<String> missedIn) {

  /** Validates the fields. */
  public ResolvedSpec {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(missedIn, "missedIn");
  }

  /**
   * Creates a resolved spec looked up nowhere else first.
   *
   * @param symbol the symbol of the candles
   * @param spec the spec
   * @param source the spec file it was read from; empty when it was inferred
   */
  public ResolvedSpec(String symbol, ContractSpec spec, Optional<String> source) {
    this(symbol, spec, source, Optional.empty());
  }

  /** Returns whether the spec was inferred from the candles. */
  public boolean inferred() {
    return source.isEmpty();
  }

  /**
   * Returns one line stating the tick, contract size and lot and where they came from, e.g. {@code
   * tick 0.1 inferred from the price decimals; assumed linear, 1 BTC per contract, lot 0.001}.
   */
  public String describe() {
    String size =
        String.format(
            Locale.ROOT,
            "%s %s per contract, lot %s",
            spec.unitsPerContract().stripTrailingZeros().toPlainString(),
            spec.contractValueCurrency(),
            spec.lotSize().stripTrailingZeros().toPlainString());
    String tick = spec.tickSize().stripTrailingZeros().toPlainString();
    return source
        .map(s -> "tick " + tick + ", " + size + " from " + s + " (" + spec.instrumentId() + ")")
        .orElse(
            "tick "
                + tick
                + " inferred from the price decimals; assumed linear, "
                + size
                + missedIn.map(m -> "; not in " + m).orElse("")
                + " (give --specs for the venue's sizing)");
  }
}
