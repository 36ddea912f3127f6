package org.smc4j.live.alert;

/**
 * An alert could not be delivered by a sink: a permanent rejection (HTTP 4xx, {@code "ok": false}),
 * or retries exhausted on rate limits, 5xx answers, timeouts or connection errors.
 *
 * <p>The message names the sink, the call and the reason, and has every secret of the sink (bot
 * token, webhook URL) replaced by {@code <redacted>}; so has the message of every cause in the
 * chain.
 */
public final class AlertDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what failed and why, already redacted
   * @param attempts how many HTTP attempts were made before giving up (0 if none)
   * @param cause the (already redacted) cause, or {@code null}
   */
  public AlertDeliveryException(String message, int attempts, Throwable cause) {
    super(message, cause);
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
    }
    this.attempts = attempts;
  }

  /**
   * The number of HTTP attempts made for the failing call.
   *
   * @return attempts, 0 when the failure happened before any request was sent
   */
  public int attempts() {
    return attempts;
  }
}
