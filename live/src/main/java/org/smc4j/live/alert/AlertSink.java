package org.smc4j.live.alert;

/**
 * Somewhere a {@link SignalAlert} is posted to (a Telegram chat, a Discord channel webhook).
 *
 * <p>{@link #send} blocks until the alert is delivered or the sink gives up (after its own bounded
 * retries); callers that must not block, like the scan loop, go through an {@link AlertDispatcher}.
 * Implementations are safe for use by one thread at a time; the dispatcher never calls one sink
 * from two threads at once.
 */
public interface AlertSink extends AutoCloseable {

  /**
   * Delivers the alert.
   *
   * @param alert the alert
   * @throws AlertDeliveryException when the alert could not be delivered (after retries); its
   *     message names the sink and the reason and never contains a secret
   */
  void send(SignalAlert alert);

  /**
   * A short name for logs and reports, such as {@code telegram}; never contains a secret.
   *
   * @return the name; by default the simple class name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Releases the sink's resources (its HTTP client); by default nothing. Never throws checked. */
  @Override
  default void close() {}
}
