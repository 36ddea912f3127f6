package org.smc4j.sweep;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One value a swept parameter takes: a number, a flag or a word (an enum choice such as {@code
 * cap}, a duration such as {@code 12h}). Its {@link #text()} is what result files and YAML carry,
 * and {@link #parse(String)} reads it back to an equal value.
 */
public sealed interface ParamValue permits ParamValue.Decimal, ParamValue.Flag, ParamValue.Word {

  /** Returns the canonical text: plain digits, {@code true}/{@code false}, or the word. */
  String text();

  /**
   * A number, kept exact.
   *
   * @param value the number, with trailing zeros stripped so that {@code 2.0} equals {@code 2}
   */
  record Decimal(BigDecimal value) implements ParamValue {

    /** Strips trailing zeros so that equal numbers are equal values. */
    public Decimal {
      Objects.requireNonNull(value, "value");
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    @Override
    public String text() {
      return value.toPlainString();
    }
  }

  /**
   * A boolean.
   *
   * @param value the flag
   */
  record Flag(boolean value) implements ParamValue {
    @Override
    public String text() {
      return Boolean.toString(value);
    }
  }

  /**
   * A word: an enum choice or a duration.
   *
   * @param value the word, not blank, without commas or line breaks (it is a CSV cell)
   */
  record Word(String value) implements ParamValue {

    /**
     * Validates the word.
     *
     * @throws IllegalArgumentException when it is blank or holds a comma, quote or line break
     */
    public Word {
      Objects.requireNonNull(value, "value");
      if (value.isBlank() || value.chars().anyMatch(c -> c == ',' || c == '"' || c < ' ')) {
        throw new IllegalArgumentException(
            "a word value must not be blank or hold a comma, quote or line break, was '"
                + value
                + "'");
      }
    }

    @Override
    public String text() {
      return value;
    }
  }

  /**
   * Returns a number value.
   *
   * @param value the number
   * @return the value
   */
  static ParamValue of(BigDecimal value) {
    return new Decimal(value);
  }

  /**
   * Returns a number value from a double's shortest decimal text.
   *
   * @param value a finite number
   * @return the value
   * @throws IllegalArgumentException when the number is not finite
   */
  static ParamValue of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a parameter value must be finite, was " + value);
    }
    return new Decimal(BigDecimal.valueOf(value));
  }

  /**
   * Reads a value from its text: {@code true}/{@code false} (any case) is a flag, a decimal number
   * a number, anything else a word.
   *
   * @param text the text, e.g. {@code 2.5}, {@code true}, {@code cap}, {@code 12h}
   * @return the value
   * @throws IllegalArgumentException when the text is blank or cannot be a word
   */
  static ParamValue parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return new Flag(Boolean.parseBoolean(lower));
    }
    if (!t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1)))) {
      try {
        return new Decimal(new BigDecimal(t));
      } catch (NumberFormatException e) {
        // not a number (e.g. a word ending in a digit): taken as a word below
      }
    }
    return new Word(t);
  }
}
