package org.smc4j.backtest.replay;

/**
 * Told how far a backtest has got. Each candle is counted twice: once when the strategy has seen
 * it, once when the broker has; {@code total} is twice the number of candles. May be called from
 * several threads.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param done the work units done so far
   * @param total the work units in all
   */
  void onProgress(long done, long total);
}
