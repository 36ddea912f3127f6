package org.smc4j.exchange.okx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A parsed OKX answer whose top-level {@code code} is {@code 0}, {@code 1} or {@code 2}.
 *
 * @param code the top-level code
 * @param msg the top-level message
 * @param data the items of {@code data[]}
 * @param httpStatus the HTTP status
 */
public record Envelope(String code, String msg, List<JsonNode> data, int httpStatus) {

  /** Validates the record. */
  public Envelope {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(msg, "msg");
    data = List.copyOf(data);
  }
}
