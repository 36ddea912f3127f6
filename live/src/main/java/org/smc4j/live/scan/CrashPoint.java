package org.smc4j.live.scan;

/**
 * Test-only crash points of the scanner's publishing steps: when the system property {@value
 * #PROPERTY} names a point, the JVM halts there (no shutdown hooks, no flushing), as a kill would.
 * Unset in normal runs.
 */
final class CrashPoint {

  /** The system property naming the point to crash at. */
  static final String PROPERTY = "smc4j.test.crashAt";

  /** The exit status of a halt at a crash point. */
  static final int STATUS = 86;

  private CrashPoint() {}

  /**
   * Halts the JVM when {@code point} is the configured crash point.
   *
   * @param point e.g. {@code after-journal}, {@code after-jsonl}, {@code after-alert}
   */
  static void reached(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      Runtime.getRuntime().halt(STATUS);
    }
  }
}
