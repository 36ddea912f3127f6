package org.smc4j.app.trade;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only crash points of the paper bot's state transitions: when the system property {@value
 * #PROPERTY} is {@code point} or {@code point#n}, the JVM halts (no shutdown hooks, no flushing, as
 * a kill would) the first, or the {@code n}-th, time this process reaches that point. Unset in
 * normal runs.
 */
final class CrashPoint {

  /** The system property naming the point to crash at. */
  static final String PROPERTY = "smc4j.test.crashAt";

  /** The exit status of a halt at a crash point. */
  static final int STATUS = 86;

  private static final ConcurrentMap<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

  private CrashPoint() {}

  /**
   * Halts the JVM when {@code point} is the configured crash point and reached for the configured
   * time.
   *
   * @param point {@code paper-entry} (trade and entry order journaled), {@code paper-fill} (entry
   *     order filled, trade not yet open), {@code paper-close} (exit fill journaled, trade not yet
   *     closed) or {@code paper-saved} (state saved after a cycle)
   */
  static void reached(String point) {
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
