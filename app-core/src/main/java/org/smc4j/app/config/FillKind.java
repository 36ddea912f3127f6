package org.smc4j.app.config;

import org.smc4j.backtest.fill.FillModel;

/** The fill models a backtest can use ({@code backtest.fill}). */
public enum FillKind {
  /**
   * STRATEGY.md section 9 ({@link org.smc4j.backtest.fill.StandardFillModel}): market orders at the
   * next open, limits only when price trades strictly through them, stops at the stop or at the
   * open of a candle that gaps beyond it.
   */
  STANDARD;

  /** Returns the broker's fill model of this kind. */
  public FillModel model() {
    return FillModel.DEFAULT;
  }
}
