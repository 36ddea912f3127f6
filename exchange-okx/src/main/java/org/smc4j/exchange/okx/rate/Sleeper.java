package org.smc4j.exchange.okx.rate;

import java.time.Duration;

/** Waits for a duration; injected so tests run the rate limiter on simulated time. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the real clock with {@link Thread#sleep(Duration)}. */
  Sleeper SYSTEM = Thread::sleep;

  /**
   * Waits.
   *
   * @param duration how long, positive
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
