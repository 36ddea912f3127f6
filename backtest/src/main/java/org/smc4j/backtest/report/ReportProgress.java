package org.smc4j.backtest.report;

/**
 * Told how far the writing of a report has got: one step per symbol chart (encoding its candles is
 * the larger part of the work), then the tables and the library.
 */
@FunctionalInterface
public interface ReportProgress {

  /** A listener that ignores progress. */
  ReportProgress NONE = (done, total, step) -> {};

  /**
   * Reports that a step has finished.
   *
   * @param done the steps finished so far, {@code 1..total}
   * @param total the steps in all
   * @param step what was done, e.g. {@code BTCUSDT: 52,128 candles, 37 trades}
   */
  void onStep(int done, int total, String step);
}
