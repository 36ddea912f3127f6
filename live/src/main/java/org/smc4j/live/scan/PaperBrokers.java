package org.smc4j.live.scan;

import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.broker.CandleBroker;

/**
 * Opens the paper broker of one symbol: the scanner fills its own signals on the live closed
 * candles with it, so its one-position-per-symbol and guard book follow the backtest's. The command
 * supplies the backtest's simulated broker with the configured models.
 */
@FunctionalInterface
public interface PaperBrokers {

  /**
   * Opens a broker for one symbol.
   *
   * @param symbol the instrument
   * @param spec its contract spec
   * @param listener told of fills, cancellations and closed trades
   * @return the symbol's broker
   */
  CandleBroker open(String symbol, ContractSpec spec, BrokerListener listener);
}
