package org.smc4j.marketdata.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON value as {@link JsonReader} reads it: an object, array, string, number, boolean or null.
 * Numbers keep their literal text, so a caller parses them exactly (e.g. into a {@code BigDecimal})
 * and never through {@code double}.
 */
public sealed interface JsonValue
    permits JsonValue.JsonObject,
        JsonValue.JsonArray,
        JsonValue.JsonString,
        JsonValue.JsonNumber,
        JsonValue.JsonBoolean,
        JsonValue.JsonNull {

  /**
   * Returns the kind of value, for messages: {@code object}, {@code array}, {@code string}, {@code
   * number}, {@code boolean} or {@code null}.
   *
   * @return the kind
   */
  String kind();

  /**
   * Returns a member of this value when it is an object that has it.
   *
   * @param name the member name
   * @return the member, or empty when this is not an object or has no such member
   */
  default Optional<JsonValue> member(String name) {
    Objects.requireNonNull(name, "name");
    return this instanceof JsonObject o
        ? Optional.ofNullable(o.members().get(name))
        : Optional.empty();
  }

  /**
   * Returns the text of a string, number or boolean ({@code "0.01"} for both {@code "0.01"} and
   * {@code 0.01}).
   *
   * @return the text, or empty for an object, an array or null
   */
  default Optional<String> scalarText() {
    return switch (this) {
      case JsonString s -> Optional.of(s.value());
      case JsonNumber n -> Optional.of(n.text());
      case JsonBoolean b -> Optional.of(Boolean.toString(b.value()));
      case JsonObject o -> Optional.empty();
      case JsonArray a -> Optional.empty();
      case JsonNull n -> Optional.empty();
    };
  }

  /**
   * A JSON object; members keep the order of the text.
   *
   * @param members the members by name
   */
  record JsonObject(Map<String, JsonValue> members) implements JsonValue {

    /** Copies the members, keeping their order. */
    public JsonObject {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    @Override
    public String kind() {
      return "object";
    }
  }

  /**
   * A JSON array.
   *
   * @param elements the elements in order
   */
  record JsonArray(List<JsonValue> elements) implements JsonValue {

    /** Copies the elements. */
    public JsonArray {
      elements = List.copyOf(elements);
    }

    @Override
    public String kind() {
      return "array";
    }
  }

  /**
   * A JSON string, unescaped.
   *
   * @param value the characters
   */
  record JsonString(String value) implements JsonValue {

    /** Rejects null. */
    public JsonString {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
      return "string";
    }
  }

  /**
   * A JSON number, as written.
   *
   * @param text the literal, e.g. {@code -1.5e3}
   */
  record JsonNumber(String text) implements JsonValue {

    /** Rejects null. */
    public JsonNumber {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
      return "number";
    }
  }

  /**
   * {@code true} or {@code false}.
   *
   * @param value the value
   */
  record JsonBoolean(boolean value) implements JsonValue {

    @Override
    public String kind() {
      return "boolean";
    }
  }

  /** {@code null}. */
  record JsonNull() implements JsonValue {

    /** The only value worth having. */
    public static final JsonNull INSTANCE = new JsonNull();

    @Override
    public String kind() {
      return "null";
    }
  }
}
