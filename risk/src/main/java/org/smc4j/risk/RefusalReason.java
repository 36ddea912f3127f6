package org.smc4j.risk;

/** Why {@link PositionSizer} refused to size a trade. */
public enum RefusalReason {
  /** The entry or the stop is NaN or infinite. */
  NON_FINITE_INPUT,
  /** The entry, the stop or the stop's expected fill (stop minus slippage) is not positive. */
  NON_POSITIVE_PRICE,
  /** The instrument is not {@link InstrumentState#LIVE}. */
  INSTRUMENT_NOT_LIVE,
  /**
   * The contract is inverse (coin-margined). Its dollar loss depends on the coin price at the stop
   * and is not supported: STRATEGY.md section 8 sizes linear USDT swaps only.
   */
  INVERSE_UNSUPPORTED,
  /**
   * The contract settles in a currency that is not taken as one dollar (USDT, USDC, USD), so its
   * loss cannot be measured against a dollar target.
   */
  SETTLE_CURRENCY_NOT_USD,
  /** A long's stop is above its entry, or a short's stop below it. */
  STOP_ON_WRONG_SIDE,
  /** The stop is less than one tick from the entry (including equal to it). */
  STOP_UNDER_ONE_TICK,
  /** Even the minimum order size would lose more than {@code riskUsd * (1 + tolerance)}. */
  MIN_SIZE_OVER_TARGET,
  /**
   * The size within the risk is above the venue's maximum order size for the entry order type and
   * the parameters say {@link MaxSizePolicy#REFUSE}.
   */
  ABOVE_MAX_SIZE,
  /**
   * The trade's costs, both fees and the expected stop slippage, take more of its all-in risk than
   * {@link SizingParameters#maxCostShare()} allows: a stop so tight that the trade mostly pays
   * costs.
   */
  COSTS_TOO_HIGH
}
