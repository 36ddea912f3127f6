package org.smc4j.okx.fake;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault the fake server injects into one request (OKX-TRADING.md section 16). Faults are queued
 * in a {@link FaultScript} and each is consumed by the first request it matches.
 */
public sealed interface Fault {

  /** Closes the connection without an answer and without executing the request. */
  record DropBeforeExecute() implements Fault {}

  /** Executes the request, then closes the connection without an answer. */
  record DropAfterExecute() implements Fault {}

  /**
   * Answers an HTTP status with a non-JSON body.
   *
   * @param status the HTTP status, e.g. 502
   * @param executeFirst whether the request is executed before the answer
   */
  record HttpStatusWithoutJson(int status, boolean executeFirst) implements Fault {}

  /**
   * Answers an OKX error code without executing the request.
   *
   * @param code the OKX code, e.g. {@code 50013}
   * @param httpStatus the HTTP status, e.g. 200 or 429
   * @param inItem true to put the code in {@code data[0].sCode} under top-level {@code code "1"}
   *     (the shape of a rejected order), false to put it in the top-level {@code code}
   */
  record ErrorCode(String code, int httpStatus, boolean inItem) implements Fault {
    /** Validates the fault. */
    public ErrorCode {
      Objects.requireNonNull(code, "code");
    }
  }

  /**
   * Moves the server clock by {@code skew} from now on, then handles the request normally (so a
   * skew over 30 s makes it fail with {@code 50102}).
   *
   * @param skew server time minus real time
   */
  record ClockSkew(Duration skew) implements Fault {
    /** Validates the fault. */
    public ClockSkew {
      Objects.requireNonNull(skew, "skew");
    }
  }

  /**
   * Executes a place-order request, but the attached TP/SL is not created when the order fills; the
   * order's {@code attachAlgoOrds[0].failCode} carries the code instead.
   *
   * @param failCode e.g. {@code 51020}
   */
  record AttachedAlgoFails(String failCode) implements Fault {
    /** Validates the fault. */
    public AttachedAlgoFails {
      Objects.requireNonNull(failCode, "failCode");
    }
  }

  /** Executes the request and answers HTTP 200 with the first half of the JSON body. */
  record TruncatedJson() implements Fault {}

  /**
   * Executes the request and waits before answering (to run into the client's timeout).
   *
   * @param delay how long to wait
   */
  record SlowAnswer(Duration delay) implements Fault {
    /** Validates the fault. */
    public SlowAnswer {
      Objects.requireNonNull(delay, "delay");
    }
  }

  /**
   * Returns OKX's rate-limit answer: HTTP 429 with top-level {@code 50011}.
   *
   * @return the fault
   */
  static Fault rateLimited() {
    return new ErrorCode("50011", 429, false);
  }

  /**
   * Returns an error in the shape of a rejected single order: HTTP 200, {@code code "1"}, the code
   * in {@code data[0].sCode}.
   *
   * @param code the OKX code
   * @return the fault
   */
  static Fault itemError(String code) {
    return new ErrorCode(code, 200, true);
  }

  /**
   * Returns a top-level error.
   *
   * @param code the OKX code
   * @param httpStatus the HTTP status
   * @return the fault
   */
  static Fault topLevelError(String code, int httpStatus) {
    return new ErrorCode(code, httpStatus, false);
  }
}
