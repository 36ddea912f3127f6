package org.smc4j.marketdata.spec;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;

/**
 * Where each symbol's contract spec comes from: a spec file ({@link ContractSpecs}), the candles
 * ({@link InferredContractSpec}), or the file with the candles as fallback. The one source of
 * {@code backtest}, {@code scan --replay} and {@code detect}.
 */
public final class ContractSpecSource {

  /** What to do with a symbol that the spec file does not hold. */
  public enum Missing {
    /** Refuse it: the user asked for exact specs. */
    FAIL,
    /** Infer its spec from the candles, and say so. */
    INFER
  }

  private final Optional<ContractSpecs> file;
  private final Missing missing;

  private ContractSpecSource(Optional<ContractSpecs> file, Missing missing) {
    this.file = file;
    this.missing = missing;
  }

  /** Returns the source that infers every spec from the candles. */
  public static ContractSpecSource inferred() {
    return new ContractSpecSource(Optional.empty(), Missing.INFER);
  }

  /**
   * Returns the source reading a spec file.
   *
   * @param file the specs
   * @param missing what to do with a symbol the file does not hold
   * @return the source
   */
  public static ContractSpecSource of(ContractSpecs file, Missing missing) {
    return new ContractSpecSource(
        Optional.of(Objects.requireNonNull(file, "file")),
        Objects.requireNonNull(missing, "missing"));
  }

  /** Returns the spec file, if any. */
  public Optional<ContractSpecs> file() {
    return file;
  }

  /**
   * Returns the spec of a symbol.
   *
   * @param symbol the symbol of the candles, e.g. {@code BTCUSDT}
   * @param bars its candles (for the inference)
   * @return the spec and its origin
   * @throws IllegalArgumentException when the file does not hold the symbol and {@link
   *     Missing#FAIL}, or the tick cannot be inferred
   */
  public ResolvedSpec resolve(String symbol, BarArrays bars) {
    if (file.isPresent()) {
      Optional<ContractSpec> found = file.get().find(symbol);
      if (found.isPresent()) {
        return new ResolvedSpec(symbol, found.get(), Optional.of(file.get().source()));
      }
      if (missing == Missing.FAIL) {
        throw new IllegalArgumentException(
            "--specs "
                + file.get().source()
                + ": no contract for "
                + symbol
                + " ("
                + file.get().all().size()
                + " read, BTC-USDT-SWAP matches BTCUSDT)"
                + file.get()
                    .unreadable(symbol)
                    .map(f -> "; it could not be read: " + f)
                    .orElse(""));
      }
    }
    return new ResolvedSpec(symbol, InferredContractSpec.from(symbol, bars), Optional.empty());
  }
}
