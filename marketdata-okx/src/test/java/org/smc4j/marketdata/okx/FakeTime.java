package org.smc4j.marketdata.okx;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated time for tests: a clock that only moves when someone sleeps. A sleep of {@code d}
 * started at clock time {@code t} moves the clock to {@code max(now, t + d)}, so concurrent
 * sleepers wait together instead of adding up.
 */
final class FakeTime implements InstantSource, Sleeper {

  private final AtomicLong millis;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  FakeTime(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public void sleep(Duration duration) {
    long wakeAt = millis.get() + duration.toMillis();
    sleeps.add(duration);
    millis.accumulateAndGet(wakeAt, Math::max);
  }

  void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  /** Returns every sleep requested so far, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
