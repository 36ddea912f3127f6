package org.smc4j.core.bar;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A candle period such as {@code 1m}, {@code 5m} or {@code 15m}, a whole number of seconds.
 *
 * @param millis the period length in milliseconds, a positive multiple of 1000
 */
public record Timeframe(long millis) {

  /** One minute. */
  public static final Timeframe M1 = new Timeframe(60_000L);

  /** Five minutes, the entry timeframe. */
  public static final Timeframe M5 = new Timeframe(300_000L);

  /** Fifteen minutes, the context timeframe. */
  public static final Timeframe M15 = new Timeframe(900_000L);

  /** One hour. */
  public static final Timeframe H1 = new Timeframe(3_600_000L);

  /**
   * Validates the period.
   *
   * @throws IllegalArgumentException when {@code millis} is not a positive whole number of seconds
   */
  public Timeframe {
    if (millis <= 0 || millis % 1000 != 0) {
      throw new IllegalArgumentException(
          "timeframe must be a positive whole number of seconds, was " + millis + " ms");
    }
  }

  /**
   * Parses a period written as a number and a unit: {@code s}, {@code m}, {@code h}, {@code d}
   * (e.g. {@code 5m}, {@code 15m}, {@code 1h}).
   *
   * @param text the period, e.g. {@code "15m"}
   * @return the timeframe
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static Timeframe parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.length() < 2) {
      throw new IllegalArgumentException(
          "timeframe must look like 1m, 5m, 15m, 1h or 1d, was '" + text + "'");
    }
    char unit = t.charAt(t.length() - 1);
    long factor =
        switch (unit) {
          case 's' -> 1_000L;
          case 'm' -> 60_000L;
          case 'h' -> 3_600_000L;
          case 'd' -> 86_400_000L;
          default ->
              throw new IllegalArgumentException(
                  "timeframe must look like 1m, 5m, 15m, 1h or 1d, was '" + text + "'");
        };
    long count;
    try {
      count = Long.parseLong(t.substring(0, t.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "timeframe must look like 1m, 5m, 15m, 1h or 1d, was '" + text + "'", e);
    }
    if (count <= 0) {
      throw new IllegalArgumentException("timeframe must be positive, was '" + text + "'");
    }
    return new Timeframe(Math.multiplyExact(count, factor));
  }

  /**
   * Returns the timeframe of a duration.
   *
   * @param duration a positive whole number of seconds
   * @return the timeframe
   */
  public static Timeframe of(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return new Timeframe(duration.toMillis());
  }

  /** Returns the period as a {@link Duration}. */
  public Duration duration() {
    return Duration.ofMillis(millis);
  }

  /**
   * Tells whether {@code openTimeMillis} is a bucket start of this timeframe, counting from
   * 1970-01-01T00:00Z (so every timeframe dividing a day is aligned to 00:00 UTC).
   *
   * @param openTimeMillis an open time in epoch milliseconds
   * @return true when the time lies on this timeframe's grid
   */
  public boolean isAligned(long openTimeMillis) {
    return Math.floorMod(openTimeMillis, millis) == 0;
  }

  /**
   * Returns the start of the bucket of this timeframe that contains {@code timeMillis}.
   *
   * @param timeMillis a time in epoch milliseconds
   * @return the bucket's open time
   */
  public long bucketStart(long timeMillis) {
    return timeMillis - Math.floorMod(timeMillis, millis);
  }

  /** Returns the short label, e.g. {@code 5m}, {@code 1h}. */
  public String label() {
    if (millis % 86_400_000L == 0) {
      return (millis / 86_400_000L) + "d";
    }
    if (millis % 3_600_000L == 0) {
      return (millis / 3_600_000L) + "h";
    }
    if (millis % 60_000L == 0) {
      return (millis / 60_000L) + "m";
    }
    return (millis / 1000L) + "s";
  }

  @Override
  public String toString() {
    return label();
  }
}
