package org.smc4j.live.alert.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.live.alert.AlertDeliveryException;
import org.smc4j.live.alert.AlertRetryPolicy;
import org.smc4j.live.alert.Sleeper;

/**
 * One sink's HTTP POST with bounded retries: the sink's {@link ResponseJudge} turns each answer
 * into a {@link Verdict}; timeouts and I/O errors are retried with backoff like a 5xx answer. Every
 * message (log or exception) goes through the sink's {@link Redactor}.
 */
public final class RetryingPoster {

  private static final Logger log = LoggerFactory.getLogger(RetryingPoster.class);
  private static final int BODY_EXCERPT = 300;

  /** What one HTTP answer means for the call. */
  public sealed interface Verdict {

    /** Delivered; the call is done. */
    record Delivered() implements Verdict {}

    /**
     * Rate limited: wait exactly {@code wait}, then retry.
     *
     * @param delay the wait the server asked for
     * @param reason what the server said
     */
    record RetryAfter(Duration delay, String reason) implements Verdict {}

    /**
     * A transient failure (5xx): retry after the policy's backoff.
     *
     * @param reason what went wrong
     */
    record Retry(String reason) implements Verdict {}

    /**
     * A permanent failure: do not retry.
     *
     * @param reason what the server said
     */
    record Fail(String reason) implements Verdict {}
  }

  /** Reads one HTTP answer of a sink's API. */
  @FunctionalInterface
  public interface ResponseJudge {

    /**
     * Judges an answer.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body as UTF-8 text
     * @return the verdict
     */
    Verdict judge(int status, HttpHeaders headers, String body);
  }

  private final String sinkName;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final AlertRetryPolicy policy;
  private final Sleeper sleeper;
  private final Redactor redactor;

  /**
   * Creates the poster.
   *
   * @param sinkName the sink's name, first word of every message
   * @param http the HTTP client (with its connect timeout)
   * @param requestTimeout the timeout of each request
   * @param policy the retry policy
   * @param sleeper waits between attempts
   * @param redactor masks the sink's secrets
   */
  public RetryingPoster(
      String sinkName,
      HttpClient http,
      Duration requestTimeout,
      AlertRetryPolicy policy,
      Sleeper sleeper,
      Redactor redactor) {
    this.sinkName = Objects.requireNonNull(sinkName, "sinkName");
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /**
   * Posts the body until the judge says delivered, a permanent failure, or the attempts run out.
   *
   * @param call the call's name for messages, e.g. {@code sendPhoto} (no secret)
   * @param uri where to post (may contain a secret; never shown)
   * @param contentType the body's content type
   * @param body the body
   * @param judge reads each answer
   * @throws AlertDeliveryException when the call fails for good; message and causes redacted
   */
  public void post(String call, URI uri, String contentType, byte[] body, ResponseJudge judge) {
    String what = sinkName + " " + call;
    int max = policy.maxAttempts();
    for (int attempt = 1; ; attempt++) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(requestTimeout)
              .header("Content-Type", contentType)
              .header("User-Agent", "smc4j-scanner")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      Verdict verdict;
      Throwable cause = null;
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        verdict = judge.judge(response.statusCode(), response.headers(), response.body());
      } catch (HttpTimeoutException e) {
        verdict = new Verdict.Retry("timed out (request timeout " + millis(requestTimeout) + ")");
        cause = e;
      } catch (IOException e) {
        verdict = new Verdict.Retry("I/O error: " + e);
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(what + ": interrupted", attempt, e);
      }
      switch (verdict) {
        case Verdict.Delivered d -> {
          if (attempt > 1) {
            log.info("{}: delivered on attempt {}/{}", what, attempt, max);
          }
          return;
        }
        case Verdict.Fail f -> throw failure(what + ": " + f.reason(), attempt, cause);
        case Verdict.RetryAfter r -> {
          if (r.delay().compareTo(policy.maxRetryAfter()) > 0) {
            throw failure(
                what
                    + ": "
                    + r.reason()
                    + "; the server asks to wait "
                    + millis(r.delay())
                    + ", more than maxRetryAfter "
                    + millis(policy.maxRetryAfter())
                    + ", giving up after attempt "
                    + attempt,
                attempt,
                cause);
          }
          retryOrGiveUp(what, attempt, r.reason(), r.delay(), cause);
        }
        case Verdict.Retry r ->
            retryOrGiveUp(what, attempt, r.reason(), policy.backoffAfter(attempt), cause);
      }
    }
  }

  private void retryOrGiveUp(
      String what, int attempt, String reason, Duration wait, Throwable cause) {
    int max = policy.maxAttempts();
    if (attempt >= max) {
      throw failure(
          what + ": gave up after " + attempt + " attempts; last: " + reason, attempt, cause);
    }
    log.info(
        "{}: attempt {}/{} failed ({}); retrying in {}",
        what,
        attempt,
        max,
        redactor.redact(reason),
        millis(wait));
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(what + ": interrupted while waiting to retry; last: " + reason, attempt, e);
    }
  }

  private AlertDeliveryException failure(String message, int attempts, Throwable cause) {
    return new AlertDeliveryException(redactor.redact(message), attempts, redactor.scrub(cause));
  }

  /**
   * The body on one line, cut to a few hundred characters for an error message.
   *
   * @param body the body, may be {@code null}
   * @return the excerpt
   */
  public static String excerpt(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= BODY_EXCERPT
        ? oneLine
        : oneLine.substring(0, BODY_EXCERPT) + "... (" + oneLine.length() + " chars)";
  }

  /**
   * The standard {@code Retry-After} header as a wait, when it holds whole seconds.
   *
   * @param headers the response headers
   * @return the wait, or empty when absent or not a number of seconds (an HTTP date is ignored)
   */
  public static OptionalLong retryAfterHeaderMillis(HttpHeaders headers) {
    String v = headers.firstValue("Retry-After").orElse("").strip();
    if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 9) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(v) * 1000L);
  }

  private static String millis(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }
}
