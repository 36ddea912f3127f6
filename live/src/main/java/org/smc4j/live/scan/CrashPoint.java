package org.smc4j.live.scan;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only crash points of the scanner's and the bot's steps: when the system property {@value
 * #PROPERTY} is {@code point} or {@code point#n}, the JVM halts (no shutdown hooks, no flushing, as
 * a kill would) the first, or the {@code n}-th, time this process reaches that point. Unset in
 * normal runs. One hook for the scanner, the paper bot and the OKX bot's execution points.
 */
public final class CrashPoint {

  /** The system property naming the point to crash at. */
  public static final String PROPERTY = "smc4j.test.crashAt";

  /** The exit status of a halt at a crash point. */
  public static final int STATUS = 86;

  private static final ConcurrentMap<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

  private CrashPoint() {}

  /**
   * Tells whether a crash point is configured in this process.
   *
   * @return true when the property is set
   */
  public static boolean armed() {
    String wanted = System.getProperty(PROPERTY);
    return wanted != null && !wanted.isBlank();
  }

  /**
   * Halts the JVM when {@code point} is the configured crash point and reached for the configured
   * time.
   *
   * @param point e.g. the scanner's {@code after-journal}, {@code after-jsonl}, {@code
   *     after-alert}; the paper bot's {@code paper-entry} (trade and entry order journaled), {@code
   *     paper-fill} (entry order filled, trade not yet open), {@code paper-close} (exit fill
   *     journaled, trade not yet closed), {@code paper-saved} (state saved after a cycle); or an
   *     OKX execution point
   */
  public static void reached(String point) {
    String wanted = System.getProperty(PROPERTY);
    if (wanted == null || !wanted.startsWith(point)) {
      return;
    }
    String rest = wanted.substring(point.length());
    int n = rest.startsWith("#") ? Integer.parseInt(rest.substring(1)) : rest.isEmpty() ? 1 : -1;
    if (n > 0 && REACHED.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet() == n) {
      Runtime.getRuntime().halt(STATUS);
    }
  }
}
