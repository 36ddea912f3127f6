package org.smc4j.benchmarks.trade;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.trading.broker.Broker;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

/**
 * A {@link Broker} that hands everything to another and remembers the {@link System#nanoTime()} at
 * which the pipeline last called {@link #submit} and at which that call returned, so a harness can
 * split a signal's time between the pipeline and the broker behind it.
 */
final class TimedBroker implements Broker {

  private final Broker delegate;
  private volatile long submitStart;
  private volatile long submitEnd;

  TimedBroker(Broker delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Returns when the last {@code submit} was called. */
  long submitStart() {
    return submitStart;
  }

  /** Returns when the last {@code submit} returned. */
  long submitEnd() {
    return submitEnd;
  }

  @Override
  public Optional<String> busyReason(String symbol) {
    return delegate.busyReason(symbol);
  }

  @Override
  public Submission submit(OrderIntent intent) {
    submitStart = System.nanoTime();
    try {
      return delegate.submit(intent);
    } finally {
      submitEnd = System.nanoTime();
    }
  }

  @Override
  public boolean cancelPendingForPoi(String poiId, Instant at, String detail) {
    return delegate.cancelPendingForPoi(poiId, at, detail);
  }
}
