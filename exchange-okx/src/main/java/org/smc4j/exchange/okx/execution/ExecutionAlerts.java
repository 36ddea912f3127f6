package org.smc4j.exchange.okx.execution;

/** Where the executor reports what a human must know (orphans, flattens, kill-switch trips). */
@FunctionalInterface
public interface ExecutionAlerts {

  /** Alerts that go nowhere. */
  ExecutionAlerts NONE = message -> {};

  /**
   * Reports one event. Must not throw.
   *
   * @param message what happened, naming the instrument and the ids involved
   */
  void alert(String message);
}
