package org.smc4j.okx.fake;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The queue of faults of a {@link FakeOkxServer}: each entry names a method and a path and is
 * consumed by the first request that matches it, so one request gets at most one fault.
 * Thread-safe.
 */
public final class FaultScript {

  private record Entry(String method, String path, Fault fault) {}

  private final List<Entry> entries = new ArrayList<>();

  FaultScript() {}

  /**
   * Queues a fault.
   *
   * @param method {@code GET}, {@code POST} or {@code *} for any
   * @param path the path, e.g. {@code /api/v5/trade/order}, or {@code *} for any
   * @param fault the fault
   * @return this script
   */
  public synchronized FaultScript add(String method, String path, Fault fault) {
    entries.add(
        new Entry(
            Objects.requireNonNull(method, "method"),
            Objects.requireNonNull(path, "path"),
            Objects.requireNonNull(fault, "fault")));
    return this;
  }

  /** Returns how many faults are still queued. */
  public synchronized int pending() {
    return entries.size();
  }

  /** Removes every queued fault. */
  public synchronized void clear() {
    entries.clear();
  }

  synchronized Optional<Fault> take(String method, String path) {
    Iterator<Entry> it = entries.iterator();
    while (it.hasNext()) {
      Entry entry = it.next();
      if ((entry.method().equals("*") || entry.method().equals(method))
          && (entry.path().equals("*") || entry.path().equals(path))) {
        it.remove();
        return Optional.of(entry.fault());
      }
    }
    return Optional.empty();
  }
}
