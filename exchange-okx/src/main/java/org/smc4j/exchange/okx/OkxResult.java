package org.smc4j.exchange.okx;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.error.OkxException;

/**
 * The outcome of one OKX call: a value, or a classified {@link OkxError}. Never thrown for an
 * exchange or transport failure; the caller switches on {@link #errorClass()}.
 *
 * @param <T> the answer type
 */
public sealed interface OkxResult<T> permits OkxResult.Ok, OkxResult.Failed {

  /**
   * Returns how the call went out.
   *
   * @return the call's details
   */
  OkxCall call();

  /**
   * A successful call.
   *
   * @param value the answer
   * @param call how the call went out
   * @param <T> the answer type
   */
  record Ok<T>(T value, OkxCall call) implements OkxResult<T> {
    /** Validates the record. */
    public Ok {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(call, "call");
    }
  }

  /**
   * A failed call.
   *
   * @param error the classified failure
   * @param call how the call went out
   * @param <T> the answer type that was expected
   */
  record Failed<T>(OkxError error, OkxCall call) implements OkxResult<T> {
    /** Validates the record. */
    public Failed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(call, "call");
    }
  }

  /** Tells whether the call succeeded. */
  default boolean isOk() {
    return this instanceof Ok;
  }

  /**
   * Returns {@link OkxErrorClass#OK} for a success, else the failure's class.
   *
   * @return the class
   */
  default OkxErrorClass errorClass() {
    return switch (this) {
      case Ok<T> ok -> OkxErrorClass.OK;
      case Failed<T> failed -> failed.error().errorClass();
    };
  }

  /**
   * Returns the failure.
   *
   * @return the error, or empty for a success
   */
  default Optional<OkxError> failure() {
    return switch (this) {
      case Ok<T> ok -> Optional.empty();
      case Failed<T> failed -> Optional.of(failed.error());
    };
  }

  /**
   * Returns the value.
   *
   * @return the answer
   * @throws OkxException carrying the error when the call failed
   */
  default T orElseThrow() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Failed<T> failed -> throw new OkxException(failed.error());
    };
  }

  /**
   * Maps the value of a success.
   *
   * @param mapper the mapping
   * @param <U> the new answer type
   * @return the mapped success, or the same failure
   */
  default <U> OkxResult<U> map(Function<? super T, ? extends U> mapper) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()), ok.call());
      case Failed<T> failed -> new Failed<>(failed.error(), failed.call());
    };
  }
}
