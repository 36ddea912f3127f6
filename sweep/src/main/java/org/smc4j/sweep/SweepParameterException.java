package org.smc4j.sweep;

import java.util.Objects;

/**
 * A swept parameter that cannot be applied: an unknown key path, a value of the wrong kind, or a
 * value the strategy, the sizer, the guards or the broker reject. Carries the YAML key path, so a
 * caller names it without parsing the message.
 */
public final class SweepParameterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The YAML key path, e.g. {@code strategy.target.reward-risk}. */
  private final String keyPath;

  /** The rule that was broken, without the key path. */
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param keyPath the YAML key path of the parameter
   * @param rule what is wrong, e.g. {@code must be > 0 and finite, was 0}
   * @param cause the rejection that caused it, or null
   */
  public SweepParameterException(String keyPath, String rule, Throwable cause) {
    super(Objects.requireNonNull(keyPath, "keyPath") + ": " + rule, cause);
    this.keyPath = keyPath;
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** Returns the YAML key path of the parameter. */
  public String keyPath() {
    return keyPath;
  }

  /** Returns what is wrong, without the key path. */
  public String rule() {
    return rule;
  }
}
