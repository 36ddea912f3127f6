package org.smc4j.marketdata.spec;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;

/**
 * Where each symbol's contract spec comes from: a spec file ({@link ContractSpecs}), the OKX specs
 * shipped with smc4j ({@link BundledOkxSpecs}, the offline default), the candles ({@link
 * InferredContractSpec}), or the file or the shipped specs with the candles as fallback, stated per
 * symbol ({@link ResolvedSpec#describe()}). The one source of {@code backtest} and {@code scan
 * --replay}.
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
  private final Optional<BundledOkxSpecs> bundled;

  private ContractSpecSource(
      Optional<ContractSpecs> file, Missing missing, Optional<BundledOkxSpecs> bundled) {
    this.file = file;
    this.missing = missing;
    this.bundled = bundled;
  }

  /** Returns the source that infers every spec from the candles. */
  public static ContractSpecSource inferred() {
    return new ContractSpecSource(Optional.empty(), Missing.INFER, Optional.empty());
  }

  /**
   * Returns the source used when no spec file is given and OKX is not asked: the OKX specs shipped
   * with smc4j ({@link BundledOkxSpecs#load()}), and for a symbol they lack the spec inferred from
   * the candles, saying so.
   *
   * @return the source
   * @throws org.smc4j.marketdata.MarketDataException when the shipped specs cannot be read (a
   *     packaging error)
   */
  public static ContractSpecSource offlineDefault() {
    return new ContractSpecSource(
        Optional.empty(), Missing.INFER, Optional.of(BundledOkxSpecs.load()));
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
        Objects.requireNonNull(missing, "missing"),
        Optional.empty());
  }

  /** Returns the shipped OKX specs this source looks in, if any. */
  public Optional<BundledOkxSpecs> bundled() {
    return bundled;
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
    if (bundled.isPresent()) {
      BundledOkxSpecs b = bundled.get();
      Optional<ContractSpec> found = b.find(symbol);
      if (found.isPresent()) {
        return new ResolvedSpec(symbol, found.get(), Optional.of(b.label()));
      }
      return new ResolvedSpec(
          symbol,
          InferredContractSpec.from(symbol, bars),
          Optional.empty(),
          Optional.of(b.label()));
    }
    return new ResolvedSpec(symbol, InferredContractSpec.from(symbol, bars), Optional.empty());
  }
}
