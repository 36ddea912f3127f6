package org.smc4j.marketdata.okx.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.OkxEndpoint;
import org.smc4j.marketdata.okx.OkxSettings;
import org.smc4j.marketdata.okx.OkxUnreachableException;

/**
 * Runs one OKX request with its rate-limit permit and the retry policy of {@link OkxSettings}:
 * every attempt first books a permit of the endpoint's budget; a {@link RetryableFailure} is tried
 * again after an exponential back-off with equal jitter until the attempts run out, then becomes a
 * {@link MarketDataException} naming the request, the number of attempts and the last error, on one
 * line (an {@link OkxUnreachableException} when no attempt reached OKX). Each failed attempt is a
 * WARN naming the request; the stack trace of the last one is logged at debug only. Any other
 * exception (a {@link MarketDataException} for a non-retryable answer) passes through at once.
 */
public final class RetryingCaller {

  private static final Logger log = LoggerFactory.getLogger(RetryingCaller.class);

  private final OkxSettings settings;
  private final Random jitter;

  /**
   * Creates the caller.
   *
   * @param settings the retry policy, sleeper and rate limiter
   */
  public RetryingCaller(OkxSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.jitter = new Random(settings.jitterSeed());
  }

  /** One attempt of a request. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Makes the request once.
     *
     * @return the checked result
     * @throws RetryableFailure when trying again may help
     */
    T run() throws RetryableFailure;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for good or the attempts run out.
   *
   * @param endpoint the endpoint group whose budget each attempt books
   * @param request the request as named in messages, e.g. {@code GET /api/v5/market/candles?...}
   * @param attempt one attempt
   * @return the first successful result
   * @throws MarketDataException after {@code maxAttempts} retryable failures, when interrupted, or
   *     as thrown by the attempt
   */
  public <T> T call(OkxEndpoint endpoint, String request, Attempt<T> attempt) {
    int maxAttempts = settings.maxAttempts();
    RetryableFailure last = null;
    for (int n = 1; n <= maxAttempts; n++) {
      settings.rateLimiter().acquire(endpoint);
      try {
        return attempt.run();
      } catch (RetryableFailure failure) {
        last = failure;
        if (n < maxAttempts) {
          Duration backoff = backoff(n);
          log.warn(
              "{}: attempt {}/{} failed ({}); retrying in {} ms",
              request,
              n,
              maxAttempts,
              oneLine(failure.getMessage()),
              backoff.toMillis());
          sleep(backoff, request);
        }
      }
    }
    String error = oneLine(last.getMessage());
    // The stack trace is for the log file at debug level; callers print the one-line message.
    log.debug("{}: giving up after {} attempts", request, maxAttempts, last);
    if (last.isUnreachable()) {
      throw new OkxUnreachableException(
          settings.baseUrl(),
          request,
          error,
          maxAttempts,
          last.getCause() == null ? last : last.getCause());
    }
    throw new MarketDataException(
        request
            + ": failed after "
            + maxAttempts
            + (maxAttempts == 1 ? " attempt" : " attempts")
            + "; last error: "
            + error,
        last);
  }

  /** Returns the text on one line: a multi-line error must not break the one-line summary. */
  static String oneLine(String text) {
    return text == null ? "(no message)" : text.replaceAll("\\s+", " ").strip();
  }

  /** Returns the back-off after failed attempt {@code n} (1-based). */
  Duration backoff(int n) {
    long initial = settings.initialBackoff().toMillis();
    long max = settings.maxBackoff().toMillis();
    long exponential = Math.min(initial, max);
    for (int i = 1; i < n && exponential < max; i++) {
      exponential = Math.min(max, exponential * 2);
    }
    long half = exponential / 2;
    long random;
    synchronized (jitter) {
      random = jitter.nextLong(exponential - half + 1);
    }
    return Duration.ofMillis(half + random);
  }

  private void sleep(Duration backoff, String request) {
    try {
      settings.sleeper().sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MarketDataException(request + ": interrupted while backing off", e);
    }
  }
}
