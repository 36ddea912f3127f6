package org.smc4j.okx.fake;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the fake server received, for assertions.
 *
 * @param method the HTTP method
 * @param requestPath the path with its raw query string
 * @param headers the request headers, names in lower case, first value only
 * @param body the body text, empty for a GET
 * @param serverTime the fake server's time when it arrived
 */
public record ReceivedRequest(
    String method,
    String requestPath,
    Map<String, String> headers,
    String body,
    Instant serverTime) {

  /** Validates the record. */
  public ReceivedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(requestPath, "requestPath");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(serverTime, "serverTime");
  }

  /**
   * Returns a header.
   *
   * @param name the name, any case
   * @return its value, if sent
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Returns the path without the query string. */
  public String path() {
    int q = requestPath.indexOf('?');
    return q < 0 ? requestPath : requestPath.substring(0, q);
  }
}
