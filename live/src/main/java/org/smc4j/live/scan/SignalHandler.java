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
}
