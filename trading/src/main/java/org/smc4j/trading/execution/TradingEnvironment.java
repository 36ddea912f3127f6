package org.smc4j.trading.execution;

import java.util.Locale;
import java.util.Objects;

/** Where a journal's orders go; a journal is never reused across environments. */
public enum TradingEnvironment {
  /** Simulated fills on live candles. */
  PAPER,
  /** The exchange's demo account. */
  DEMO,
  /** Real money. */
  LIVE;

  /**
   * Reads a stored or configured value, case-insensitively.
   *
   * @param text {@code paper}, {@code demo} or {@code live}
   * @return the environment
   * @throws IllegalArgumentException naming the value when it is none of those
   */
  public static TradingEnvironment parse(String text) {
    Objects.requireNonNull(text, "text");
    for (TradingEnvironment value : values()) {
      if (value.name().equalsIgnoreCase(text.trim())) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "environment must be paper, demo or live, was '" + text + "'");
  }

  /** Returns the lower-case name. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
