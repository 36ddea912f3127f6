package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;

/**
 * The trading rules of one OKX instrument ({@code GET /api/v5/public/instruments}), and the exact
 * formatting of prices and sizes for it: a price must be a multiple of {@code tickSz}, a size a
 * multiple of {@code lotSz}, both written as plain decimals (no exponent, no trailing zeros).
 *
 * @param instId the instrument id, e.g. {@code BTC-USDT-SWAP}
 * @param instType {@code SWAP}, {@code SPOT}, ...
 * @param ctType {@code linear} or {@code inverse}; empty for spot
 * @param ctVal contract value; zero for spot
 * @param ctMult contract multiplier; zero for spot
 * @param ctValCcy the unit of {@code ctVal}; empty for spot
 * @param settleCcy settlement currency; empty for spot
 * @param tickSz price increment, positive
 * @param lotSz size increment, positive
 * @param minSz smallest size, positive
 * @param maxLmtSz largest limit order size, positive
 * @param maxMktSz largest market order size, positive
 * @param state {@code live}, {@code suspend}, ...
 */
public record OkxInstrument(
    String instId,
    String instType,
    String ctType,
    BigDecimal ctVal,
    BigDecimal ctMult,
    String ctValCcy,
    String settleCcy,
    BigDecimal tickSz,
    BigDecimal lotSz,
    BigDecimal minSz,
    BigDecimal maxLmtSz,
    BigDecimal maxMktSz,
    String state) {

  /**
   * Validates the rules.
   *
   * @throws IllegalArgumentException when the instrument id is blank or an increment or size limit
   *     is not positive
   */
  public OkxInstrument {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(instType, "instType");
    Objects.requireNonNull(ctType, "ctType");
    Objects.requireNonNull(ctVal, "ctVal");
    Objects.requireNonNull(ctMult, "ctMult");
    Objects.requireNonNull(ctValCcy, "ctValCcy");
    Objects.requireNonNull(settleCcy, "settleCcy");
    Objects.requireNonNull(state, "state");
    if (instId.isBlank()) {
      throw new IllegalArgumentException("instId must not be blank");
    }
    requirePositive(instId, "tickSz", tickSz);
    requirePositive(instId, "lotSz", lotSz);
    requirePositive(instId, "minSz", minSz);
    requirePositive(instId, "maxLmtSz", maxLmtSz);
    requirePositive(instId, "maxMktSz", maxMktSz);
  }

  /**
   * Returns the rules of a contract spec (from the bundled spec file or the pipeline's spec
   * source), so that orders can be formatted without a live instrument call.
   *
   * @param spec the contract spec
   * @return the instrument, {@code instType SWAP}
   */
  public static OkxInstrument of(ContractSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return new OkxInstrument(
        spec.instrumentId(),
        "SWAP",
        spec.type().name().toLowerCase(Locale.ROOT),
        spec.contractValue(),
        spec.contractMultiplier(),
        spec.contractValueCurrency(),
        spec.settleCurrency(),
        spec.tickSize(),
        spec.lotSize(),
        spec.minSize(),
        spec.maxLimitSize(),
        spec.maxMarketSize(),
        spec.state().name().toLowerCase(Locale.ROOT));
  }

  /**
   * Returns these rules as the contract spec the sizer and the backtest use.
   *
   * @return the spec
   * @throws IllegalArgumentException when this is not a contract (spot has no {@code ctType}) or a
   *     field breaks the spec's rules
   */
  public ContractSpec toContractSpec() {
    if (ctType.isEmpty()) {
      throw new IllegalArgumentException(
          instId + ": instType " + instType + " has no ctType, so it is not a contract");
    }
    return new ContractSpec(
        instId,
        ContractType.parse(ctType),
        settleCcy,
        ctVal,
        ctMult,
        ctValCcy,
        tickSz,
        lotSz,
        minSz,
        maxLmtSz,
        maxMktSz,
        InstrumentState.parse(state));
  }

  /**
   * Formats a price that is already a multiple of {@code tickSz}.
   *
   * @param price the price, positive
   * @return the plain decimal text, e.g. {@code 69481.5}
   * @throws IllegalArgumentException when the price is not positive or not a multiple of the tick
   */
  public String formatPrice(BigDecimal price) {
    Objects.requireNonNull(price, "price");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException(
          instId + ": price must be > 0, was " + price.toPlainString());
    }
    if (price.remainder(tickSz).signum() != 0) {
      throw new IllegalArgumentException(
          instId
              + ": price "
              + price.toPlainString()
              + " is not a multiple of tickSz "
              + tickSz.toPlainString());
    }
    return plain(price);
  }

  /**
   * Rounds a price to a multiple of {@code tickSz}.
   *
   * @param price any price
   * @param mode how to round (a stop of a long rounds down, for example)
   * @return the rounded price
   */
  public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(mode, "mode");
    return price.divide(tickSz, 0, mode).multiply(tickSz);
  }

  /**
   * Formats an order size in contracts for an order type, checking OKX's rules: a multiple of
   * {@code lotSz} ({@code 51121}), at least {@code minSz} ({@code 51020}), at most {@code maxMktSz}
   * for a market order ({@code 51202}) or {@code maxLmtSz} otherwise.
   *
   * @param size the size in contracts
   * @param market true for a market order
   * @return the plain decimal text, e.g. {@code 0.13}
   * @throws IllegalArgumentException naming the rule the size breaks
   */
  public String formatSize(BigDecimal size, boolean market) {
    Objects.requireNonNull(size, "size");
    if (size.remainder(lotSz).signum() != 0) {
      throw new IllegalArgumentException(
          instId
              + ": size "
              + size.toPlainString()
              + " is not a multiple of lotSz "
              + lotSz.toPlainString());
    }
    if (size.compareTo(minSz) < 0) {
      throw new IllegalArgumentException(
          instId + ": size " + size.toPlainString() + " is below minSz " + minSz.toPlainString());
    }
    BigDecimal max = market ? maxMktSz : maxLmtSz;
    if (size.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          instId
              + ": size "
              + size.toPlainString()
              + " is above "
              + (market ? "maxMktSz " : "maxLmtSz ")
              + max.toPlainString());
    }
    return plain(size);
  }

  /**
   * Rounds a size down to a multiple of {@code lotSz}.
   *
   * @param size any size in contracts
   * @return the largest multiple of the lot size not above it
   */
  public BigDecimal floorSize(BigDecimal size) {
    Objects.requireNonNull(size, "size");
    return size.divide(lotSz, 0, RoundingMode.FLOOR).multiply(lotSz);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static void requirePositive(String instId, String field, BigDecimal value) {
    Objects.requireNonNull(value, field);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          instId + ": " + field + " must be > 0, was " + value.toPlainString());
    }
  }
}
