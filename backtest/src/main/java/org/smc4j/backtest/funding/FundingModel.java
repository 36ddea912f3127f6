package org.smc4j.backtest.funding;

/**
 * The funding rate of a perpetual swap at a settlement.
 *
 * <p>Sign convention (Binance, OKX, Bybit): with a positive rate longs pay shorts {@code notional *
 * rate}; with a negative rate shorts pay longs.
 */
public interface FundingModel {

  /** The default of STRATEGY.md section 9 when no history is given: a constant 0.01 % per 8 h. */
  FundingModel DEFAULT = new ConstantFundingModel(0.0001);

  /**
   * Returns the rate applied at one settlement.
   *
   * @param symbol the instrument, e.g. {@code BTCUSDT}
   * @param settlementMillis the settlement time on the {@link FundingSchedule} grid, epoch ms UTC
   * @return the rate per interval as a fraction ({@code 0.0001} = 0.01 %), finite
   */
  double rate(String symbol, long settlementMillis);

  /**
   * Returns the funding a position pays at a settlement: positive is a cost, negative an income.
   *
   * @param sideSign {@code +1} for long, {@code -1} for short
   * @param notional the position's notional at the settlement, {@code >= 0}
   * @param rate the funding rate
   * @return {@code sideSign * notional * rate}
   */
  static double payment(int sideSign, double notional, double rate) {
    return sideSign * notional * rate;
  }
}
