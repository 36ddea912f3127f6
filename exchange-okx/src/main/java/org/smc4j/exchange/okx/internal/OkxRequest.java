package org.smc4j.exchange.okx.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.exchange.okx.rate.RateRule;

/**
 * One REST request before signing.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path, e.g. {@code /api/v5/trade/order}
 * @param query query parameters in sending order (GET only)
 * @param body the exact JSON text (POST only)
 * @param signed whether the {@code OK-ACCESS-*} headers are added
 * @param rule the rate-limit rule
 * @param scopeKey the instrument or tag of per-instrument/per-tag rules, else empty
 * @param permits rate-limit permits this request uses
 * @param expiring whether an {@code expTime} header is added
 */
public record OkxRequest(
    String method,
    String path,
    List<Map.Entry<String, String>> query,
    Optional<String> body,
    boolean signed,
    RateRule rule,
    String scopeKey,
    int permits,
    boolean expiring) {

  /** Validates the request. */
  public OkxRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = List.copyOf(query);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(scopeKey, "scopeKey");
  }

  /**
   * A signed GET.
   *
   * @param path the path
   * @param query the parameters, in order; entries with empty values are left out
   * @param rule the rate rule
   * @param scopeKey the rate scope key
   * @return the request
   */
  public static OkxRequest get(
      String path, List<Map.Entry<String, String>> query, RateRule rule, String scopeKey) {
    List<Map.Entry<String, String>> present = new ArrayList<>();
    for (Map.Entry<String, String> entry : query) {
      if (!entry.getValue().isEmpty()) {
        present.add(entry);
      }
    }
    return new OkxRequest("GET", path, present, Optional.empty(), true, rule, scopeKey, 1, false);
  }

  /**
   * A signed POST.
   *
   * @param path the path
   * @param body the JSON text
   * @param rule the rate rule
   * @param scopeKey the rate scope key
   * @param permits the permits
   * @param expiring whether to add {@code expTime}
   * @return the request
   */
  public static OkxRequest post(
      String path, String body, RateRule rule, String scopeKey, int permits, boolean expiring) {
    return new OkxRequest(
        "POST", path, List.of(), Optional.of(body), true, rule, scopeKey, permits, expiring);
  }

  /** Returns a copy without signature headers (public endpoints). */
  public OkxRequest unsigned() {
    return new OkxRequest(method, path, query, body, false, rule, scopeKey, permits, expiring);
  }

  /** Returns the path with its query string: the {@code requestPath} that is signed. */
  public String requestPath() {
    if (query.isEmpty()) {
      return path;
    }
    StringBuilder text = new StringBuilder(path).append('?');
    for (int i = 0; i < query.size(); i++) {
      if (i > 0) {
        text.append('&');
      }
      text.append(encode(query.get(i).getKey()))
          .append('=')
          .append(encode(query.get(i).getValue()));
    }
    return text.toString();
  }

  /** Returns e.g. {@code GET /api/v5/trade/order}. */
  public String endpoint() {
    return method + " " + path;
  }

  /** Encodes a query component, keeping the comma OKX uses in lists such as {@code ordType}. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",");
  }
}
