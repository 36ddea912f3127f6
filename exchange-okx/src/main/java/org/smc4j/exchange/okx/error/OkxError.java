package org.smc4j.exchange.okx.error;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One failed OKX call: its class, OKX's code (empty for a transport failure), OKX's message or the
 * transport problem (for people, never for decisions), and the HTTP status when one was received.
 *
 * @param errorClass what the failure means for the caller, never {@link OkxErrorClass#OK}
 * @param code OKX's {@code code} or {@code sCode}; empty when OKX gave none
 * @param message OKX's {@code msg}/{@code sMsg} or a description of the transport failure
 * @param httpStatus the HTTP status, empty when no answer was received
 * @param endpoint the method and path called, e.g. {@code POST /api/v5/trade/order}
 */
public record OkxError(
    OkxErrorClass errorClass,
    String code,
    String message,
    OptionalInt httpStatus,
    String endpoint) {

  /**
   * Validates the error.
   *
   * @throws IllegalArgumentException when the class is {@link OkxErrorClass#OK}
   * @throws NullPointerException when a component is null
   */
  public OkxError {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(endpoint, "endpoint");
    if (errorClass == OkxErrorClass.OK) {
      throw new IllegalArgumentException("errorClass must not be OK for an error of " + endpoint);
    }
  }

  /**
   * Describes the error for a log line or an alert.
   *
   * @return e.g. {@code POST /api/v5/trade/order: AMBIGUOUS code 50013 (HTTP 200): Systems are
   *     busy}
   */
  public String describe() {
    StringBuilder text = new StringBuilder(endpoint).append(": ").append(errorClass);
    if (!code.isEmpty()) {
      text.append(" code ").append(code);
    }
    httpStatus.ifPresent(status -> text.append(" (HTTP ").append(status).append(')'));
    if (!message.isEmpty()) {
      text.append(": ").append(message);
    }
    return text.toString();
  }
}
