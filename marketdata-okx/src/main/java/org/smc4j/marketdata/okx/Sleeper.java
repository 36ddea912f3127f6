package org.smc4j.marketdata.okx;

import java.time.Duration;

/**
 * Waits for a while. Injected so that rate limiting and retry back-off can be tested without real
 * sleeps (a test sleeper advances a fake clock instead).
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread with {@link Thread#sleep(Duration)}. */
  Sleeper SYSTEM = Thread::sleep;

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait, {@code >= 0}
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
