package org.smc4j.live.scan;

/**
 * Receives the scan's new signals. Called from the loop's fetch threads, so implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface SignalHandler {

  /**
   * Handles one signal as soon as its symbol's candles have been processed.
   *
   * @param signal the signal
   */
  void onSignal(ScanSignal signal);

  /**
   * Told when a symbol's candles up to a close have all been processed (its signals handled), so
   * that a restart can catch up from there. Does nothing by default.
   *
   * @param symbol the symbol
   * @param closeMillis the close time of the last candle processed
   */
  default void onProcessed(String symbol, long closeMillis) {}

  /**
   * Tells whether a signal was already published (by this process or an earlier run of the same
   * journal); such a signal is neither decided again nor handed over. None is, unless overridden.
   *
   * @param key the signal's stable key ({@link ScanSignal#keyOf})
   * @return true when it was published before
   */
  default boolean alreadyPublished(String key) {
    return false;
  }
}
