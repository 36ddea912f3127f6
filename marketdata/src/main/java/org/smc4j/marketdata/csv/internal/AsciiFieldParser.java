package org.smc4j.marketdata.csv.internal;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers and timestamps straight from ASCII bytes, without creating strings or using
 * regular expressions; the hot path of every CSV reader. Not thread-safe: after a parse method
 * returns, {@link #failed()} tells whether the field was malformed and {@link #error()} says why.
 */
public final class AsciiFieldParser {

  /** Powers of ten that are exact doubles (10^0 .. 10^22). */
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** Mantissas below 2^53 are exact doubles. */
  private static final long MAX_EXACT = 1L << 53;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private String error = "";

  /** Creates a parser. */
  public AsciiFieldParser() {}

  /** Returns true when the last parse failed. */
  public boolean failed() {
    return !error.isEmpty();
  }

  /** Returns why the last parse failed, or an empty string when it did not. */
  public String error() {
    return error;
  }

  private void fail(String why) {
    error = why;
  }

  /** Returns the field's text, for messages. */
  public static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * Parses a decimal number: {@code [+-]digits[.digits][(e|E)[+-]digits]}, or {@code NaN}, {@code
   * Infinity}, {@code -Infinity}, {@code inf}, {@code -inf} (so they can be reported as non-finite
   * rather than as text). The result is the correctly rounded double, the same as {@link
   * Double#parseDouble}: short mantissas take Clinger's exact fast path (one IEEE multiply or
   * divide of two exact doubles), the rest fall back to the JDK.
   *
   * @param b the bytes
   * @param from the field's first byte
   * @param to one past the field's last byte
   * @return the value, or NaN with {@link #failed()} true when the text is not a number
   */
  public double parseDouble(byte[] b, int from, int to) {
    error = "";
    if (from >= to) {
      fail("empty, expected a number");
      return Double.NaN;
    }
    int i = from;
    boolean negative = false;
    if (b[i] == '-') {
      negative = true;
      i++;
    } else if (b[i] == '+') {
      i++;
    }
    if (i < to && (b[i] < '0' || b[i] > '9') && b[i] != '.') {
      return parseSpecial(b, from, to, i, negative);
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean inexact = false;
    boolean anyDigit = false;
    while (i < to) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      anyDigit = true;
      if (significant < 18) {
        mantissa = mantissa * 10 + d;
        if (mantissa != 0) {
          significant++;
        }
      } else {
        exponent++;
        inexact |= d != 0;
      }
      i++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        anyDigit = true;
        if (significant < 18) {
          mantissa = mantissa * 10 + d;
          exponent--;
          if (mantissa != 0) {
            significant++;
          }
        } else {
          inexact |= d != 0;
        }
        i++;
      }
    }
    if (!anyDigit) {
      fail("'" + text(b, from, to) + "' is not a number");
      return Double.NaN;
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        expNegative = b[i] == '-';
        i++;
      }
      int expDigits = 0;
      int e = 0;
      while (i < to) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (e < 100_000) {
          e = e * 10 + d;
        }
        expDigits++;
        i++;
      }
      if (expDigits == 0) {
        fail("'" + text(b, from, to) + "' is not a number");
        return Double.NaN;
      }
      exponent += expNegative ? -e : e;
    }
    if (i != to) {
      fail("'" + text(b, from, to) + "' is not a number");
      return Double.NaN;
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (!inexact && mantissa < MAX_EXACT && exponent >= -22 && exponent <= 22) {
      double m = mantissa;
      double v = exponent < 0 ? m / POW10[-exponent] : m * POW10[exponent];
      return negative ? -v : v;
    }
    return Double.parseDouble(text(b, from, to));
  }

  private double parseSpecial(byte[] b, int from, int to, int i, boolean negative) {
    int len = to - i;
    if (equalsIgnoreCase(b, i, len, "nan") && !negative) {
      return Double.NaN;
    }
    if (equalsIgnoreCase(b, i, len, "infinity") || equalsIgnoreCase(b, i, len, "inf")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    fail("'" + text(b, from, to) + "' is not a number");
    return Double.NaN;
  }

  private static boolean equalsIgnoreCase(byte[] b, int from, int len, String word) {
    if (len != word.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      int c = b[from + k] | 0x20;
      if (c != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses a non-negative whole number of up to 18 digits (epoch milliseconds).
   *
   * @return the value, or -1 with {@link #failed()} true when the text is not such a number
   */
  public long parseEpochMillis(byte[] b, int from, int to) {
    error = "";
    if (from >= to || to - from > 18) {
      fail("'" + text(b, from, to) + "' is not epoch milliseconds");
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        fail("'" + text(b, from, to) + "' is not epoch milliseconds");
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Parses a UTC date-time {@code YYYY-MM-DD[T| ]HH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]} into epoch
   * milliseconds; without an offset the time is UTC. Fractions beyond milliseconds are truncated.
   *
   * @return the epoch milliseconds, or {@code Long.MIN_VALUE} with {@link #failed()} true when the
   *     text is not such a date-time
   */
  public long parseDateTime(byte[] b, int from, int to) {
    error = "";
    int len = to - from;
    if (len < 19
        || b[from + 4] != '-'
        || b[from + 7] != '-'
        || (b[from + 10] != ' ' && b[from + 10] != 'T')
        || b[from + 13] != ':'
        || b[from + 16] != ':') {
      return badDateTime(b, from, to);
    }
    int year = digits(b, from, 4);
    int month = digits(b, from + 5, 2);
    int day = digits(b, from + 8, 2);
    int hour = digits(b, from + 11, 2);
    int minute = digits(b, from + 14, 2);
    int second = digits(b, from + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return badDateTime(b, from, to);
    }
    int i = from + 19;
    int millis = 0;
    if (i < to && b[i] == '.') {
      i++;
      int fractionDigits = 0;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        if (fractionDigits < 3) {
          millis = millis * 10 + (b[i] - '0');
        }
        fractionDigits++;
        i++;
      }
      if (fractionDigits == 0) {
        return badDateTime(b, from, to);
      }
      for (int k = fractionDigits; k < 3; k++) {
        millis *= 10;
      }
    }
    long offsetMillis = 0;
    if (i < to) {
      if (b[i] == 'Z' && i + 1 == to) {
        i++;
      } else if ((b[i] == '+' || b[i] == '-') && to - i == 6 && b[i + 3] == ':') {
        int oh = digits(b, i + 1, 2);
        int om = digits(b, i + 4, 2);
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
          return badDateTime(b, from, to);
        }
        offsetMillis = (oh * 60L + om) * 60_000L * (b[i] == '-' ? -1 : 1);
        i = to;
      } else {
        return badDateTime(b, from, to);
      }
    }
    long days = daysFromCivil(year, month, day);
    return days * MILLIS_PER_DAY
        + ((hour * 60L + minute) * 60L + second) * 1000L
        + millis
        - offsetMillis;
  }

  private long badDateTime(byte[] b, int from, int to) {
    fail("'" + text(b, from, to) + "' is not a UTC date-time like 2025-01-01 00:05:00+00:00");
    return Long.MIN_VALUE;
  }

  /** Returns the value of {@code count} ASCII digits, or -1 when one is not a digit. */
  private static int digits(byte[] b, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), the same as
   * {@code LocalDate.of(y, m, d).toEpochDay()} without creating an object.
   */
  static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
