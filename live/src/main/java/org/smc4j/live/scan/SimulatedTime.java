package org.smc4j.live.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.smc4j.marketdata.okx.Sleeper;

/**
 * A clock that only moves when told to or when something "sleeps" on it: sleeping advances the time
 * at once. Drives {@code scan --replay} as fast as the machine can run.
 */
public final class SimulatedTime implements InstantSource, Sleeper {

  private final AtomicLong millis;

  public SimulatedTime(long startMillis) {
    this.millis = new AtomicLong(startMillis);
  }

  /** Moves the clock to {@code newMillis} unless it is already later. */
  public void advanceTo(long newMillis) {
    millis.accumulateAndGet(newMillis, Math::max);
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
    millis.addAndGet(Math.max(0, duration.toMillis()));
  }
}
