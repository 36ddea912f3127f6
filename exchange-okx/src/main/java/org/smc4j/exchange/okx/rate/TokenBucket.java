package org.smc4j.exchange.okx.rate;

/**
 * A token bucket: holds at most {@code capacity} tokens and refills continuously at {@code
 * tokensPerMilli}. Not thread-safe on its own; {@link OkxRateLimiter} locks it.
 */
final class TokenBucket {

  private final double capacity;
  private final double tokensPerMilli;
  private double tokens;
  private long lastMillis;

  TokenBucket(double capacity, double tokensPerMilli, long nowMillis) {
    this.capacity = capacity;
    this.tokensPerMilli = tokensPerMilli;
    this.tokens = capacity;
    this.lastMillis = nowMillis;
  }

  double capacity() {
    return capacity;
  }

  /**
   * Takes {@code count} tokens when they are there.
   *
   * @return 0 when taken, else the milliseconds until they will be there (at least 1)
   */
  long tryTake(double count, long nowMillis) {
    if (nowMillis > lastMillis) {
      tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * tokensPerMilli);
      lastMillis = nowMillis;
    }
    if (tokens >= count) {
      tokens -= count;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((count - tokens) / tokensPerMilli));
  }
}
