package org.smc4j.risk;

import java.math.BigDecimal;
import java.util.Objects;
import org.smc4j.core.instrument.Liquidity;

/**
 * The account-level settings of a {@link PositionSizer}: they are fixed for a run, so invalid
 * values are programming or configuration errors and throw, whereas per-trade prices are checked by
 * the sizer and refused.
 *
 * @param riskUsd the dollar loss a stop-out may cost, all-in, {@code > 0} (default 1)
 * @param tolerance how far above {@code riskUsd} the minimum size alone may go, as a fraction,
 *     {@code >= 0} and {@code <= 1} (default 0.1: the minimum size may risk up to $1.10)
 * @param fees the fee rates
 * @param entryLiquidity how the entry order trades: {@link Liquidity#TAKER} (market order, taker
 *     fee, capped at {@code maxMarketSize}) or {@link Liquidity#MAKER} (resting limit, maker fee,
 *     capped at {@code maxLimitSize}); the stop-out always pays the taker fee
 * @param slippage how far beyond the stop a stop-out is expected to fill
 * @param leverage the isolated-margin leverage used to compute initial margin, in {@code [1, 125]}
 * @param maxSizePolicy what to do when the size within the risk is above the venue's maximum order
 *     size (default {@link MaxSizePolicy#REFUSE})
 * @param maxCostShare the largest share of a trade's all-in risk that its costs (both fees and the
 *     expected stop slippage) may take, in {@code (0, 1]}; above it the trade is refused ({@link
 *     RefusalReason#COSTS_TOO_HIGH}). 1 (the default) never refuses: costs are part of the all-in
 *     risk, so their share is at most 1
 */
public record SizingParameters(
    BigDecimal riskUsd,
    BigDecimal tolerance,
    FeeSchedule fees,
    Liquidity entryLiquidity,
    StopSlippage slippage,
    BigDecimal leverage,
    MaxSizePolicy maxSizePolicy,
    BigDecimal maxCostShare) {

  /** OKX's highest leverage on any swap; anything above it is a configuration mistake. */
  private static final BigDecimal MAX_LEVERAGE = new BigDecimal("125");

  /**
   * $1 risk, 10 % tolerance, OKX default fees, market (taker) entry, one tick of stop slippage, 10x
   * leverage, sizes above the venue's maximum refused, no cost filter.
   */
  public static final SizingParameters DEFAULT =
      new SizingParameters(
          BigDecimal.ONE,
          new BigDecimal("0.1"),
          FeeSchedule.OKX_DEFAULT,
          Liquidity.TAKER,
          StopSlippage.ONE_TICK,
          BigDecimal.TEN,
          MaxSizePolicy.REFUSE,
          BigDecimal.ONE);

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException when a value is out of its range (see the components)
   * @throws NullPointerException when a component is null
   */
  public SizingParameters {
    Objects.requireNonNull(riskUsd, "riskUsd");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(entryLiquidity, "entryLiquidity");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(leverage, "leverage");
    Objects.requireNonNull(maxSizePolicy, "maxSizePolicy");
    Objects.requireNonNull(maxCostShare, "maxCostShare");
    if (riskUsd.signum() <= 0) {
      throw new IllegalArgumentException("riskUsd must be > 0, was " + riskUsd.toPlainString());
    }
    if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "tolerance must be in [0, 1], was " + tolerance.toPlainString());
    }
    if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(MAX_LEVERAGE) > 0) {
      throw new IllegalArgumentException(
          "leverage must be in [1, 125], was " + leverage.toPlainString());
    }
    if (maxCostShare.signum() <= 0 || maxCostShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "maxCostShare must be > 0 and <= 1, was " + maxCostShare.toPlainString());
    }
  }

  /**
   * Parameters without a cost filter ({@code maxCostShare} 1).
   *
   * @param riskUsd the dollar loss a stop-out may cost, all-in, {@code > 0}
   * @param tolerance how far above {@code riskUsd} the minimum size alone may go, in {@code [0, 1]}
   * @param fees the fee rates
   * @param entryLiquidity how the entry order trades
   * @param slippage how far beyond the stop a stop-out is expected to fill
   * @param leverage the isolated-margin leverage, in {@code [1, 125]}
   * @param maxSizePolicy refuse or cap sizes above the venue's maximum
   * @throws IllegalArgumentException when a value is out of its range
   */
  public SizingParameters(
      BigDecimal riskUsd,
      BigDecimal tolerance,
      FeeSchedule fees,
      Liquidity entryLiquidity,
      StopSlippage slippage,
      BigDecimal leverage,
      MaxSizePolicy maxSizePolicy) {
    this(
        riskUsd,
        tolerance,
        fees,
        entryLiquidity,
        slippage,
        leverage,
        maxSizePolicy,
        BigDecimal.ONE);
  }

  /**
   * Parameters that refuse sizes above the venue's maximum ({@link MaxSizePolicy#REFUSE}).
   *
   * @param riskUsd the dollar loss a stop-out may cost, all-in, {@code > 0}
   * @param tolerance how far above {@code riskUsd} the minimum size alone may go, in {@code [0, 1]}
   * @param fees the fee rates
   * @param entryLiquidity how the entry order trades
   * @param slippage how far beyond the stop a stop-out is expected to fill
   * @param leverage the isolated-margin leverage, in {@code [1, 125]}
   * @throws IllegalArgumentException when a value is out of its range
   */
  public SizingParameters(
      BigDecimal riskUsd,
      BigDecimal tolerance,
      FeeSchedule fees,
      Liquidity entryLiquidity,
      StopSlippage slippage,
      BigDecimal leverage) {
    this(riskUsd, tolerance, fees, entryLiquidity, slippage, leverage, MaxSizePolicy.REFUSE);
  }

  /**
   * Returns a copy with another dollar risk.
   *
   * @param value the new risk, {@code > 0}
   * @return the copy
   */
  public SizingParameters withRiskUsd(BigDecimal value) {
    return new SizingParameters(
        value, tolerance, fees, entryLiquidity, slippage, leverage, maxSizePolicy, maxCostShare);
  }

  /**
   * Returns a copy with another tolerance.
   *
   * @param value the new tolerance, in {@code [0, 1]}
   * @return the copy
   */
  public SizingParameters withTolerance(BigDecimal value) {
    return new SizingParameters(
        riskUsd, value, fees, entryLiquidity, slippage, leverage, maxSizePolicy, maxCostShare);
  }

  /**
   * Returns a copy with other fees.
   *
   * @param value the new fee schedule
   * @return the copy
   */
  public SizingParameters withFees(FeeSchedule value) {
    return new SizingParameters(
        riskUsd, tolerance, value, entryLiquidity, slippage, leverage, maxSizePolicy, maxCostShare);
  }

  /**
   * Returns a copy with another entry liquidity.
   *
   * @param value maker (resting limit) or taker (market)
   * @return the copy
   */
  public SizingParameters withEntryLiquidity(Liquidity value) {
    return new SizingParameters(
        riskUsd, tolerance, fees, value, slippage, leverage, maxSizePolicy, maxCostShare);
  }

  /**
   * Returns a copy with another stop slippage.
   *
   * @param value the new slippage
   * @return the copy
   */
  public SizingParameters withSlippage(StopSlippage value) {
    return new SizingParameters(
        riskUsd, tolerance, fees, entryLiquidity, value, leverage, maxSizePolicy, maxCostShare);
  }

  /**
   * Returns a copy with another leverage.
   *
   * @param value the new leverage, in {@code [1, 125]}
   * @return the copy
   */
  public SizingParameters withLeverage(BigDecimal value) {
    return new SizingParameters(
        riskUsd, tolerance, fees, entryLiquidity, slippage, value, maxSizePolicy, maxCostShare);
  }

  /**
   * Returns a copy with another policy for sizes above the venue's maximum.
   *
   * @param value refuse or cap
   * @return the copy
   */
  public SizingParameters withMaxSizePolicy(MaxSizePolicy value) {
    return new SizingParameters(
        riskUsd, tolerance, fees, entryLiquidity, slippage, leverage, value, maxCostShare);
  }

  /**
   * Returns a copy with another cost filter.
   *
   * @param value the largest share of the all-in risk that fees and stop slippage may take, in
   *     {@code (0, 1]}; 1 turns the filter off
   * @return the copy
   */
  public SizingParameters withMaxCostShare(BigDecimal value) {
    return new SizingParameters(
        riskUsd, tolerance, fees, entryLiquidity, slippage, leverage, maxSizePolicy, value);
  }
}
