package org.smc4j.exchange.okx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads OKX's string-typed JSON fields; every failure is a {@link MalformedAnswerException}. */
public final class JsonFields {

  private JsonFields() {}

  /** Returns a text field, empty when absent or null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** Returns a required non-empty text field. */
  public static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value.isEmpty()) {
      throw new MalformedAnswerException("field " + field + " is missing or empty");
    }
    return value;
  }

  /** Returns a decimal field, empty when absent or empty. */
  public static Optional<BigDecimal> optDecimal(JsonNode node, String field) {
    String value = text(node, field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(value));
    } catch (NumberFormatException e) {
      throw new MalformedAnswerException(
          "field " + field + " is not a decimal: '" + value + "'", e);
    }
  }

  /** Returns a required decimal field. */
  public static BigDecimal decimal(JsonNode node, String field) {
    return optDecimal(node, field)
        .orElseThrow(() -> new MalformedAnswerException("field " + field + " is missing or empty"));
  }

  /** Returns a decimal field, zero when OKX sends it empty. */
  public static BigDecimal decimalOrZero(JsonNode node, String field) {
    return optDecimal(node, field).orElse(BigDecimal.ZERO);
  }

  /** Returns a millisecond timestamp field, empty when absent or empty. */
  public static Optional<Instant> optMillis(JsonNode node, String field) {
    String value = text(node, field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
    } catch (NumberFormatException e) {
      throw new MalformedAnswerException(
          "field " + field + " is not epoch milliseconds: '" + value + "'", e);
    }
  }

  /** Returns a required millisecond timestamp field. */
  public static Instant millis(JsonNode node, String field) {
    return optMillis(node, field)
        .orElseThrow(() -> new MalformedAnswerException("field " + field + " is missing or empty"));
  }

  /**
   * Returns a timestamp given in seconds or milliseconds (cancel-all-after's docs example has 10
   * digits and names no unit): values below 10^11 are read as seconds.
   */
  public static Optional<Instant> optSecondsOrMillis(JsonNode node, String field) {
    String value = text(node, field);
    if (value.isEmpty() || value.equals("0")) {
      return Optional.empty();
    }
    try {
      long number = Long.parseLong(value);
      return Optional.of(
          number < 100_000_000_000L ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number));
    } catch (NumberFormatException e) {
      throw new MalformedAnswerException(
          "field " + field + " is not an epoch time: '" + value + "'", e);
    }
  }

  /** Returns a boolean given as JSON boolean or as the text {@code "true"}/{@code "false"}. */
  public static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    return value.isBoolean() ? value.booleanValue() : "true".equals(value.asText());
  }

  /** Returns a list of texts from an array field, empty when absent. */
  public static List<String> texts(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    JsonNode array = node.get(field);
    if (array != null && array.isArray()) {
      array.forEach(item -> values.add(item.asText()));
    }
    return values;
  }

  /**
   * Reads an enum value with its {@code fromWire}, turning an unknown value into a format error.
   */
  public static <E> E wire(
      JsonNode node, String field, java.util.function.Function<String, E> parse) {
    String value = text(node, field);
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException("field " + field + ": " + e.getMessage(), e);
    }
  }
}
