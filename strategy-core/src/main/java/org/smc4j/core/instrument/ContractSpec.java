package org.smc4j.core.instrument;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The trading rules of one derivative contract, as a venue publishes them (OKX {@code GET
 * /api/v5/public/instruments}; field names in parentheses). Sizes are in contracts; prices in the
 * quote currency. All decimals are kept exactly as published so that sizes can be exact multiples
 * of the lot size.
 *
 * @param instrumentId the venue's instrument id, e.g. {@code BTC-USDT-SWAP} ({@code instId})
 * @param type linear or inverse ({@code ctType})
 * @param settleCurrency the currency P&amp;L and margin are paid in, e.g. {@code USDT} ({@code
 *     settleCcy})
 * @param contractValue the face value of one contract, {@code > 0} ({@code ctVal}), e.g. 0.01 BTC
 * @param contractMultiplier the contract multiplier, {@code > 0} ({@code ctMult}), 1 on OKX swaps
 * @param contractValueCurrency the unit of {@code contractValue}, e.g. {@code BTC} ({@code
 *     ctValCcy})
 * @param tickSize the price increment, {@code > 0} ({@code tickSz})
 * @param lotSize the size increment in contracts, {@code > 0} ({@code lotSz})
 * @param minSize the smallest order in contracts, {@code > 0} and a multiple of {@code lotSize}
 *     ({@code minSz})
 * @param maxLimitSize the largest limit order in contracts, {@code >= minSize} ({@code maxLmtSz})
 * @param maxMarketSize the largest market order in contracts, {@code >= minSize} ({@code maxMktSz})
 * @param state the trading state ({@code state})
 */
public record ContractSpec(
    String instrumentId,
    ContractType type,
    String settleCurrency,
    BigDecimal contractValue,
    BigDecimal contractMultiplier,
    String contractValueCurrency,
    BigDecimal tickSize,
    BigDecimal lotSize,
    BigDecimal minSize,
    BigDecimal maxLimitSize,
    BigDecimal maxMarketSize,
    InstrumentState state) {

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException when a text is blank, a decimal is not positive, {@code
   *     minSize} is not a multiple of {@code lotSize} or a maximum size is below {@code minSize}
   * @throws NullPointerException when a component is null
   */
  public ContractSpec {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(settleCurrency, "settleCurrency");
    Objects.requireNonNull(contractValueCurrency, "contractValueCurrency");
    Objects.requireNonNull(state, "state");
    if (instrumentId.isBlank()) {
      throw new IllegalArgumentException("instrumentId (instId) must not be blank");
    }
    String where = "contract spec " + instrumentId + ": ";
    if (settleCurrency.isBlank()) {
      throw new IllegalArgumentException(where + "settleCurrency (settleCcy) must not be blank");
    }
    if (contractValueCurrency.isBlank()) {
      throw new IllegalArgumentException(
          where + "contractValueCurrency (ctValCcy) must not be blank");
    }
    requirePositive(where, "contractValue (ctVal)", contractValue);
    requirePositive(where, "contractMultiplier (ctMult)", contractMultiplier);
    requirePositive(where, "tickSize (tickSz)", tickSize);
    requirePositive(where, "lotSize (lotSz)", lotSize);
    requirePositive(where, "minSize (minSz)", minSize);
    requirePositive(where, "maxLimitSize (maxLmtSz)", maxLimitSize);
    requirePositive(where, "maxMarketSize (maxMktSz)", maxMarketSize);
    if (minSize.remainder(lotSize).signum() != 0) {
      throw new IllegalArgumentException(
          where
              + "minSize (minSz) must be a multiple of lotSize (lotSz) "
              + lotSize.toPlainString()
              + ", was "
              + minSize.toPlainString());
    }
    if (maxLimitSize.compareTo(minSize) < 0) {
      throw new IllegalArgumentException(
          where
              + "maxLimitSize (maxLmtSz) must be >= minSize (minSz) "
              + minSize.toPlainString()
              + ", was "
              + maxLimitSize.toPlainString());
    }
    if (maxMarketSize.compareTo(minSize) < 0) {
      throw new IllegalArgumentException(
          where
              + "maxMarketSize (maxMktSz) must be >= minSize (minSz) "
              + minSize.toPlainString()
              + ", was "
              + maxMarketSize.toPlainString());
    }
  }

  /**
   * Returns the quantity of the underlying one contract stands for: {@code contractValue *
   * contractMultiplier} (in {@code contractValueCurrency}; e.g. 0.01 BTC on BTC-USDT-SWAP).
   */
  public BigDecimal unitsPerContract() {
    return contractValue.multiply(contractMultiplier);
  }

  /**
   * Returns the largest order size in contracts for an order of the given liquidity: {@code
   * maxLimitSize} for a resting (maker) order, {@code maxMarketSize} for a market (taker) order.
   *
   * @param liquidity how the entry order trades
   * @return the venue's size cap for that order type
   */
  public BigDecimal maxSize(Liquidity liquidity) {
    Objects.requireNonNull(liquidity, "liquidity");
    return liquidity == Liquidity.MAKER ? maxLimitSize : maxMarketSize;
  }

  private static void requirePositive(String where, String field, BigDecimal value) {
    Objects.requireNonNull(value, field);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          where + field + " must be > 0, was " + value.toPlainString());
    }
  }
}
