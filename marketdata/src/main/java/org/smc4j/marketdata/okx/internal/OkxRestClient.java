package org.smc4j.marketdata.okx.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
 * JSON envelope {@code {"code":..,"msg":..,"data":[..]}} fails at once too, without retry: OKX
 * never sends one on purpose, so it is a proxy page or a truncated body that a retry is unlikely to
 * fix, and failing loudly keeps a broken gateway from being hammered.
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

  /**
   * Sends {@code GET endpoint?query} (with retries and rate limiting) and checks the envelope.
   *
   * @param endpoint the endpoint
   * @param query the query parameters in order; values are URL-encoded
   * @return the envelope, whose {@code data} is a JSON array
   * @throws MarketDataException naming the request when it fails for good
   */
  public Envelope get(OkxEndpoint endpoint, Map<String, String> query) {
    String request = "GET " + endpoint.path() + queryString(query);
    URI uri = URI.create(baseUrl() + endpoint.path() + queryString(query));
    return caller.call(endpoint, request, () -> attempt(request, uri));
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
    } catch (HttpTimeoutException e) {
      throw new RetryableFailure(
          "timed out after " + settings.requestTimeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw new RetryableFailure("I/O error: " + e, e);
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
      throw new MarketDataException(
          request
              + ": malformed JSON in the response: "
              + e.getOriginalMessage()
              + "; body: "
              + excerpt(body),
          e);
    }
    if (root == null || !root.isObject() || !root.path("code").isTextual()) {
      throw new MarketDataException(
          request + ": malformed response, no OKX envelope with a \"code\": " + excerpt(body));
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
      throw new MarketDataException(
          request + ": malformed response, \"data\" is not an array: " + excerpt(body));
    }
    return new Envelope(body, data);
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
