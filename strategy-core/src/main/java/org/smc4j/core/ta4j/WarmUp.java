package org.smc4j.core.ta4j;

import org.smc4j.core.engine.StrategyConfig;

/**
 * The warm-up lengths of the indicators, in 5m bars, derived from the configuration: the first bar
 * index at which a value can exist when the series starts at a quarter hour. Values are never
 * revised, so these are counts of bars without a value, not of unreliable values.
 */
final class WarmUp {

  private WarmUp() {}

  /** 5m bars before a 5m swing can be confirmed: {@code L + R}. */
  static int swing5(StrategyConfig config) {
    return config.swings().m5().left() + config.swings().m5().right();
  }

  /** 5m bars before a 15m swing can be confirmed: the close of 15m bar {@code L + R}. */
  static int swing15(StrategyConfig config) {
    return 3 * (config.swings().m15().left() + config.swings().m15().right()) + 2;
  }

  /** 5m bars before the 5m ATR exists (5m gaps). */
  static int atr5(StrategyConfig config) {
    return config.stableFrom();
  }

  /** 5m bars before the 15m ATR exists (breaks, legs, 15m gaps, POIs, signals). */
  static int atr15(StrategyConfig config) {
    return 3 * config.stableFrom() + 2;
  }
}
