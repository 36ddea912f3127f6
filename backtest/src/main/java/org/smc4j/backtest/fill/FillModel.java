package org.smc4j.backtest.fill;

import java.util.OptionalDouble;
import org.smc4j.core.signal.OrderAction;

/**
 * Decides whether and at which reference price an order fills on one candle (a 5m bar, or a 1m bar
 * when intrabar data resolves the order of events). Slippage is applied by the broker on top of the
 * reference price of taker fills.
 *
 * <p>Only the candle's open, high and low are read: a fill on a candle never depends on later
 * candles, and an order placed at a close is first tested on the next candle.
 */
public interface FillModel {

  /** The rules of STRATEGY.md section 9; see {@link StandardFillModel}. */
  FillModel DEFAULT = new StandardFillModel();

  /**
   * Returns the reference price of a market order sent before this candle opened.
   *
   * @param open the candle's open
   * @return the reference price
   */
  double marketReference(double open);

  /**
   * Tells whether a resting limit order fills on this candle.
   *
   * @param action buy or sell
   * @param limit the limit price
   * @param open the candle's open
   * @param high the candle's high
   * @param low the candle's low
   * @return true when the candle fills the order
   */
  boolean limitFills(OrderAction action, double limit, double open, double high, double low);

  /**
   * Returns the price a limit order fills at on a candle where {@link #limitFills} is true.
   *
   * @param action buy or sell
   * @param limit the limit price
   * @param open the candle's open
   * @return the fill price
   */
  double limitPrice(OrderAction action, double limit, double open);

  /**
   * Returns the reference price of a stop order triggered on this candle, or empty when it does not
   * trigger.
   *
   * @param action buy (a short's stop) or sell (a long's stop)
   * @param stop the stop price
   * @param open the candle's open
   * @param high the candle's high
   * @param low the candle's low
   * @return the reference price before slippage, or empty
   */
  OptionalDouble stopReference(
      OrderAction action, double stop, double open, double high, double low);
}
