package org.smc4j.exchange.okx.model;

import java.util.Objects;

/** Names a regular order by OKX's {@code ordId} or by its {@code clOrdId}. */
public sealed interface OrderRef {

  /**
   * Returns the query parameter name.
   *
   * @return {@code ordId} or {@code clOrdId}
   */
  String parameter();

  /**
   * Returns the id.
   *
   * @return the value
   */
  String value();

  /**
   * Names an order by OKX's id.
   *
   * @param ordId OKX's order id
   * @return the reference
   */
  static OrderRef ordId(String ordId) {
    return new ByOrdId(ordId);
  }

  /**
   * Names an order by its client id (OKX returns the latest order with it).
   *
   * @param clOrdId the client id
   * @return the reference
   */
  static OrderRef clOrdId(String clOrdId) {
    return new ByClOrdId(clOrdId);
  }

  /**
   * By {@code ordId}.
   *
   * @param value OKX's order id
   */
  record ByOrdId(String value) implements OrderRef {
    /** Validates the id. */
    public ByOrdId {
      requireId(value, "ordId");
    }

    @Override
    public String parameter() {
      return "ordId";
    }
  }

  /**
   * By {@code clOrdId}.
   *
   * @param value the client id
   */
  record ByClOrdId(String value) implements OrderRef {
    /** Validates the id. */
    public ByClOrdId {
      requireId(value, "clOrdId");
    }

    @Override
    public String parameter() {
      return "clOrdId";
    }
  }

  /**
   * Checks an id: 1 to 32 letters or digits, the format OKX accepts for every id field.
   *
   * @param value the id
   * @param field the field name for the message
   */
  static void requireId(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty()
        || value.length() > 32
        || !value.chars().allMatch(c -> (c < 128) && Character.isLetterOrDigit(c))) {
      throw new IllegalArgumentException(
          field + " must be 1 to 32 ASCII letters or digits, was '" + value + "'");
    }
  }
}
