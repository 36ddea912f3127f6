package org.smc4j.app.config;

/** Where {@code smc4j trade} sends its orders. */
public enum TradeMode {
  /** The backtest's simulated broker on live candles; nothing leaves the process. */
  PAPER,
  /** OKX demo trading: the OKX REST host with the {@code x-simulated-trading: 1} header. */
  DEMO,
  /** OKX with real money: only when the configuration says so and the account checks pass. */
  LIVE
}
