package org.smc4j.live.alert;

import java.time.Duration;

/**
 * Waits between retries; injectable so retry tests run without real waiting.
 *
 * <p>{@link #SYSTEM} is {@link Thread#sleep(Duration)}.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the current thread. */
  Sleeper SYSTEM = Thread::sleep;

  /**
   * Waits for the duration.
   *
   * @param duration how long; zero or positive
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
