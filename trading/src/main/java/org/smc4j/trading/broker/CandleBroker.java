package org.smc4j.trading.broker;

import org.smc4j.core.bar.BarArrays;

/**
 * A {@link Broker} for one symbol that fills on the closed candles it is fed: the backtest's
 * simulated broker, and the scanner's paper fills of its own signals.
 */
public interface CandleBroker extends Broker {

  /**
   * Processes one closed candle of the symbol's entry timeframe: funding, the pending entry's
   * expiry, cancellation or fill, then the position's stop and target.
   *
   * @param bars the symbol's candles
   * @param i the candle to process; candles must come in strictly increasing open time
   */
  void onBar(BarArrays bars, int i);
}
