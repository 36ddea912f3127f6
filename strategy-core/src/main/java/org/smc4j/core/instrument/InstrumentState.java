package org.smc4j.core.instrument;

import java.util.Locale;
import java.util.Objects;

/** The trading state of an instrument (OKX field {@code state}). Only {@link #LIVE} is sized. */
public enum InstrumentState {
  /** Trading normally. */
  LIVE,
  /** Trading suspended. */
  SUSPEND,
  /** Listed but not yet trading (pre-open). */
  PREOPEN,
  /** A test instrument, not tradable by regular users. */
  TEST;

  /**
   * Parses an OKX {@code state} value.
   *
   * @param value {@code live}, {@code suspend}, {@code preopen} or {@code test}, case-insensitive
   * @return the state
   * @throws IllegalArgumentException for any other value
   */
  public static InstrumentState parse(String value) {
    Objects.requireNonNull(value, "value");
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "live" -> LIVE;
      case "suspend" -> SUSPEND;
      case "preopen" -> PREOPEN;
      case "test" -> TEST;
      default ->
          throw new IllegalArgumentException(
              "state must be one of live, suspend, preopen, test, was \"" + value + "\"");
    };
  }

  /** Returns the OKX spelling, e.g. {@code live}. */
  public String okxName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
