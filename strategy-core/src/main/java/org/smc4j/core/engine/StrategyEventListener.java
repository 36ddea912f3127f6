package org.smc4j.core.engine;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Receives the engine's events in the order they became known. Called on the thread that calls
 * {@link StrategyEngine#onBar}, synchronously, before {@code onBar} returns.
 */
@FunctionalInterface
public interface StrategyEventListener {

  /** A listener that wants nothing (for benchmarks and warm-up): the engine builds no events. */
  StrategyEventListener NONE = only(EnumSet.noneOf(StrategyEventKind.class), event -> {});

  /**
   * Receives one event.
   *
   * @param event the event, never null
   */
  void onEvent(StrategyEvent event);

  /**
   * Returns the kinds of events this listener wants; the engine reads it once, when it is created,
   * and never builds events of other kinds. All kinds by default.
   *
   * @return the wanted kinds
   */
  default Set<StrategyEventKind> kinds() {
    return EnumSet.allOf(StrategyEventKind.class);
  }

  /**
   * Returns a listener that receives only the given kinds of events.
   *
   * @param kinds the wanted kinds
   * @param listener the receiver
   * @return the filtering listener
   */
  static StrategyEventListener only(Set<StrategyEventKind> kinds, StrategyEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    Set<StrategyEventKind> copy =
        kinds.isEmpty() ? EnumSet.noneOf(StrategyEventKind.class) : EnumSet.copyOf(kinds);
    return new StrategyEventListener() {
      @Override
      public void onEvent(StrategyEvent event) {
        listener.onEvent(event);
      }

      @Override
      public Set<StrategyEventKind> kinds() {
        return EnumSet.copyOf(copy);
      }
    };
  }
}
