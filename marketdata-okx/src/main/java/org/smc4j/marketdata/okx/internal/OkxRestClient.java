package org.smc4j.marketdata.okx.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.OkxEndpoint;
import org.smc4j.marketdata.okx.OkxSettings;

/**
 * Plain OKX v5 public REST calls with {@link HttpClient} and Jackson, for what XChange lacks or
 * mangles (candles with their {@code confirm} flag, instruments with every size field).
 *
 * <p>Every response is checked: HTTP 429 and 5xx, OKX code {@code 50011} inside an HTTP 200,
 * timeouts and connection errors are retried (see {@link RetryingCaller}); any other non-200 status
 * and any other non-{@code "0"} code fail at once with the code and message. A body that is not the
 * JSON envelope {@code {"code":..,"msg":..,"data":[..]}} (malformed or truncated JSON, a proxy
 * page) is retried like a 5xx: a connection cut mid-body is the usual cause, and the retries are
 * bounded and backed off. A {@link Payload} check can reject a well-formed but unusable answer (an
 * empty instrument list) the same way.
 */
public final class OkxRestClient implements AutoCloseable {

  /** OKX's code for "rate limit reached", sent with HTTP 429 or inside an HTTP 200. */
  static final String RATE_LIMITED = "50011";

  private static final int BODY_EXCERPT = 200;

  private final OkxSettings settings;
  private final HttpClient http;
  private final RetryingCaller caller;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Creates the client.
   *
   * @param settings base URL, timeouts, retry policy and rate limiter
   * @param caller the retrying caller shared with the other OKX sources
   */
  public OkxRestClient(OkxSettings settings, RetryingCaller caller) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.caller = Objects.requireNonNull(caller, "caller");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A checked OKX response: its raw body and its parsed {@code data} array. */
  public record Envelope(String body, JsonNode data) {}

  /** Reads a checked envelope into a result, or rejects it as an answer worth asking again. */
  @FunctionalInterface
  public interface Payload<T> {
    /**
     * Reads the envelope.
     *
     * @param envelope the checked envelope
     * @return the result
     * @throws RetryableFailure when the answer is unusable (e.g. empty) and asking again may help
     */
    T read(Envelope envelope) throws RetryableFailure;
  }

  /**
   * Sends {@code GET endpoint?query} (with retries and rate limiting) and checks the envelope.
   *
   * @param endpoint the endpoint
   * @param query the query parameters in order; values are URL-encoded
   * @return the envelope, whose {@code data} is a JSON array
   * @throws MarketDataException naming the request when it fails for good
   */
  public Envelope get(OkxEndpoint endpoint, Map<String, String> query) {
    return get(endpoint, query, envelope -> envelope);
  }

  /**
   * Sends {@code GET endpoint?query} (with retries and rate limiting), checks the envelope and
   * reads it with {@code payload}; an answer the payload rejects is retried like a 5xx.
   *
   * @param endpoint the endpoint
   * @param query the query parameters in order; values are URL-encoded
   * @param payload reads the envelope
   * @return what the payload read
   * @throws MarketDataException naming the request when it fails for good ({@link
   *     org.smc4j.marketdata.okx.OkxUnreachableException} when no attempt reached OKX)
   */
  public <T> T get(OkxEndpoint endpoint, Map<String, String> query, Payload<T> payload) {
    Objects.requireNonNull(payload, "payload");
    String request = "GET " + endpoint.path() + queryString(query);
    URI uri = URI.create(baseUrl() + endpoint.path() + queryString(query));
    return caller.call(endpoint, request, () -> payload.read(attempt(request, uri)));
  }

  private String baseUrl() {
    String base = settings.baseUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private Envelope attempt(String request, URI uri) throws RetryableFailure {
    HttpRequest httpRequest =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw RetryableFailure.unreachable(
          "no connection within " + settings.requestTimeout().toMillis() + " ms", e);
    } catch (HttpTimeoutException e) {
      throw new RetryableFailure(
          "timed out after " + settings.requestTimeout().toMillis() + " ms", e);
    } catch (IOException e) {
      if (isUnreachable(e)) {
        throw RetryableFailure.unreachable(describe(e), e);
      }
      throw new RetryableFailure("I/O error: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MarketDataException(request + ": interrupted", e);
    }
    int status = response.statusCode();
    String body = response.body();
    if (status == 429 || status >= 500) {
      throw new RetryableFailure("HTTP " + status + ": " + excerpt(body), null);
    }
    if (status != 200) {
      throw new MarketDataException(request + ": HTTP " + status + ": " + excerpt(body));
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RetryableFailure(
          "malformed JSON in the response (truncated?): "
              + e.getOriginalMessage()
              + "; body: "
              + excerpt(body),
          e);
    }
    if (root == null || !root.isObject() || !root.path("code").isTextual()) {
      throw new RetryableFailure(
          "malformed response, no OKX envelope with a \"code\": " + excerpt(body), null);
    }
    String code = root.get("code").asText();
    String msg = root.path("msg").asText("");
    if (RATE_LIMITED.equals(code)) {
      throw new RetryableFailure("OKX code " + code + " in HTTP 200: " + msg, null);
    }
    if (!"0".equals(code)) {
      throw new MarketDataException(request + ": OKX error code " + code + ": " + msg);
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      throw new RetryableFailure(
          "malformed response, \"data\" is not an array: " + excerpt(body), null);
    }
    return new Envelope(body, data);
  }

  /** True when the exception says the request never reached the server. */
  static boolean isUnreachable(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ConnectException
          || c instanceof UnknownHostException
          || c instanceof NoRouteToHostException
          || c instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exception's type and the first message in its cause chain, on one line; the JDK client
   * throws a {@link ConnectException} without a message when the connection is refused.
   */
  static String describe(Throwable e) {
    String message = null;
    for (Throwable c = e;
        c != null && message == null;
        c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        message = c.getMessage().replaceAll("\\s+", " ").strip();
      }
    }
    if (message == null) {
      message = e instanceof ConnectException ? "connection refused" : "no message";
    }
    return message + " (" + e.getClass().getSimpleName() + ")";
  }

  static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new LinkedHashMap<>(query).entrySet()) {
      sb.append(sb.isEmpty() ? '?' : '&')
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  static String excerpt(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= BODY_EXCERPT
        ? oneLine
        : oneLine.substring(0, BODY_EXCERPT) + "... (" + oneLine.length() + " chars)";
  }

  @Override
  public void close() {
    http.close();
  }
}
