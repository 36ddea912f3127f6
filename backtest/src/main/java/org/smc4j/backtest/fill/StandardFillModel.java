package org.smc4j.backtest.fill;

import java.util.Objects;
import java.util.OptionalDouble;
import org.smc4j.core.signal.OrderAction;

/**
 * The fill rules of STRATEGY.md section 9:
 *
 * <ul>
 *   <li>market orders fill at the open;
 *   <li>limit orders fill at the limit only when price trades <em>strictly</em> through it (a buy
 *       limit needs a low below it; a low exactly at the limit does not fill, because the queue
 *       ahead may not have been cleared). The fill is at the limit even when the candle opens
 *       beyond it: no price improvement is assumed;
 *   <li>stops trigger when price touches them and fill at the stop, or at the open when the candle
 *       opens beyond the stop (a gap).
 * </ul>
 */
public final class StandardFillModel implements FillModel {

  /** Creates the model; it is stateless, use {@link FillModel#DEFAULT}. */
  public StandardFillModel() {}

  @Override
  public double marketReference(double open) {
    return open;
  }

  @Override
  public boolean limitFills(
      OrderAction action, double limit, double open, double high, double low) {
    Objects.requireNonNull(action, "action");
    return action == OrderAction.BUY ? low < limit : high > limit;
  }

  @Override
  public double limitPrice(OrderAction action, double limit, double open) {
    Objects.requireNonNull(action, "action");
    return limit;
  }

  @Override
  public OptionalDouble stopReference(
      OrderAction action, double stop, double open, double high, double low) {
    Objects.requireNonNull(action, "action");
    if (action == OrderAction.SELL) {
      if (open <= stop) {
        return OptionalDouble.of(open);
      }
      return low <= stop ? OptionalDouble.of(stop) : OptionalDouble.empty();
    }
    if (open >= stop) {
      return OptionalDouble.of(open);
    }
    return high >= stop ? OptionalDouble.of(stop) : OptionalDouble.empty();
  }

  @Override
  public String toString() {
    return "StandardFillModel";
  }
}
