package org.smc4j.core.engine;

/**
 * Receives the engine's events in the order they became known. Called on the thread that calls
 * {@link StrategyEngine#onBar}, synchronously, before {@code onBar} returns.
 */
@FunctionalInterface
public interface StrategyEventListener {

  /** A listener that ignores everything (for benchmarks and warm-up). */
  StrategyEventListener NONE = event -> {};

  /**
   * Receives one event.
   *
   * @param event the event, never null
   */
  void onEvent(StrategyEvent event);
}
