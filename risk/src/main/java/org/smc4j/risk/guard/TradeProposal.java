package org.smc4j.risk.guard;

import java.math.BigDecimal;
import java.util.Objects;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.SizingResult;

/**
 * A sized trade that asks to be opened.
 *
 * @param symbol the instrument id
 * @param side long or short
 * @param contracts the size in contracts, {@code > 0}
 * @param riskUsd what a stop-out loses, all-in, {@code > 0}
 * @param initialMargin the isolated margin it needs, {@code >= 0}
 */
public record TradeProposal(
    String symbol, Side side, BigDecimal contracts, BigDecimal riskUsd, BigDecimal initialMargin) {

  /**
   * Validates the proposal.
   *
   * @throws IllegalArgumentException when the symbol is blank or an amount is out of range
   */
  public TradeProposal {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(riskUsd, "riskUsd");
    Objects.requireNonNull(initialMargin, "initialMargin");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    if (contracts.signum() <= 0) {
      throw new IllegalArgumentException("contracts must be > 0, was " + contracts.toPlainString());
    }
    if (riskUsd.signum() <= 0) {
      throw new IllegalArgumentException("riskUsd must be > 0, was " + riskUsd.toPlainString());
    }
    if (initialMargin.signum() < 0) {
      throw new IllegalArgumentException(
          "initialMargin must be >= 0, was " + initialMargin.toPlainString());
    }
  }

  /**
   * The proposal for a size from {@link org.smc4j.risk.PositionSizer}.
   *
   * @param sized the accepted size
   * @return its symbol, side, contracts, all-in risk and initial margin
   */
  public static TradeProposal from(SizingResult.Sized sized) {
    Objects.requireNonNull(sized, "sized");
    return new TradeProposal(
        sized.instrumentId(),
        sized.side(),
        sized.contracts(),
        sized.riskAllIn(),
        sized.initialMargin());
  }
}
