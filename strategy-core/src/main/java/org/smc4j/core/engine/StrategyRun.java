package org.smc4j.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of a batch run: every event in the order the engine reported it (by {@link
 * StrategyEvent#knownAt5mIndex()}, and within one 5m close in the documented processing order), and
 * the number of 5m and 15m bars seen.
 *
 * @param events the events, unmodifiable
 * @param barCount the number of 5m bars processed
 * @param contextBarCount the number of 15m bars applied
 */
public record StrategyRun(List<StrategyEvent> events, int barCount, int contextBarCount) {

  /**
   * Copies the event list.
   *
   * @throws IllegalArgumentException when a count is negative
   */
  public StrategyRun {
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    if (barCount < 0 || contextBarCount < 0) {
      throw new IllegalArgumentException(
          "barCount and contextBarCount must be >= 0, were "
              + barCount
              + " and "
              + contextBarCount);
    }
  }

  /**
   * Returns the events of one kind, in order.
   *
   * @param kind the event class, e.g. {@code EntrySignal.class}
   * @param <T> the event type
   * @return the matching events
   */
  public <T extends StrategyEvent> List<T> eventsOf(Class<T> kind) {
    Objects.requireNonNull(kind, "kind");
    List<T> out = new ArrayList<>();
    for (StrategyEvent e : events) {
      if (kind.isInstance(e)) {
        out.add(kind.cast(e));
      }
    }
    return List.copyOf(out);
  }

  /** Returns the entry signals, in order. */
  public List<EntrySignal> signals() {
    return eventsOf(EntrySignal.class);
  }
}
