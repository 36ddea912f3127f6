package org.smc4j.core.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A strategy parameter out of its range, as data: the parameter's path (its key path in the YAML
 * configuration, e.g. {@code strategy.swing.15m.left}), the rejected value as written by Java and
 * the rule it breaks. A caller that shows the error in its own terms (a file's key path, a
 * command-line option) reads these fields; it never parses the message. The message reads {@code
 * <path> <rule>, was <value>}, e.g. {@code strategy.swing.15m.left must be >= 1, was 0}.
 */
public final class InvalidParameterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The key path of the parameter, e.g. {@code strategy.swing.15m.left}. */
  private final String path;

  /** The rejected value, as {@link String#valueOf} writes it ({@code 0}, {@code 0.0}, NaN). */
  private final String value;

  /** The rule broken, e.g. {@code must be >= 1}, with the related parameter's path in it. */
  private final String rule;

  /** The rule's text before the related parameter's path (all of it when there is none). */
  private final String ruleBefore;

  /** The key path of the parameter the rule compares with, or empty. */
  private final String relatedPath;

  /** The rule's text after the related parameter's path. */
  private final String ruleAfter;

  /**
   * Creates the exception for a rule on the value alone.
   *
   * @param path the parameter's key path
   * @param value the rejected value as text
   * @param rule the rule broken, starting with "must", e.g. {@code must be >= 1}
   */
  public InvalidParameterException(String path, String value, String rule) {
    this(path, value, rule, "", "");
  }

  /**
   * Creates the exception for a rule that compares with another parameter, e.g. {@code must be >}
   * {@code strategy.fib.zone-start} {@code (0.5) and < 1}.
   *
   * @param path the parameter's key path
   * @param value the rejected value as text
   * @param ruleBefore the rule's text before the other parameter
   * @param relatedPath the other parameter's key path, or empty for none
   * @param ruleAfter the rule's text after the other parameter (with a leading space)
   */
  public InvalidParameterException(
      String path, String value, String ruleBefore, String relatedPath, String ruleAfter) {
    super(
        Objects.requireNonNull(path, "path")
            + " "
            + render(ruleBefore, relatedPath, ruleAfter)
            + ", was "
            + Objects.requireNonNull(value, "value"));
    this.path = path;
    this.value = value;
    this.ruleBefore = ruleBefore;
    this.relatedPath = relatedPath;
    this.ruleAfter = ruleAfter;
    this.rule = render(ruleBefore, relatedPath, ruleAfter);
  }

  private static String render(String before, String related, String after) {
    Objects.requireNonNull(before, "ruleBefore");
    Objects.requireNonNull(related, "relatedPath");
    Objects.requireNonNull(after, "ruleAfter");
    return related.isEmpty() ? before + after : before + " " + related + after;
  }

  /**
   * Returns the parameter's key path, e.g. {@code strategy.swing.15m.left}.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the rejected value as text, e.g. {@code 0} or {@code 0.0}.
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  /**
   * Returns the rule broken, e.g. {@code must be >= 1}; a rule relative to another parameter names
   * that parameter by its path.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }

  /**
   * Returns the key path of the parameter the rule compares with, e.g. {@code
   * strategy.fib.zone-start} for {@code strategy.fib.golden}.
   *
   * @return the related path, or empty when the rule is on the value alone
   */
  public Optional<String> relatedPath() {
    return relatedPath.isEmpty() ? Optional.empty() : Optional.of(relatedPath);
  }

  /**
   * Returns the message without the path, {@code <rule>, was <value>}, for a caller that shows the
   * path in its own way.
   *
   * @return the rule and the value
   */
  public String violation() {
    return rule + ", was " + value;
  }

  /**
   * Returns {@link #violation()} with the related parameter (if any) named by the caller, e.g. by
   * its command-line option.
   *
   * @param names gives the name to show for a key path
   * @return the rule and the value
   */
  public String violation(UnaryOperator<String> names) {
    String related = relatedPath.isEmpty() ? "" : names.apply(relatedPath);
    return render(ruleBefore, related, ruleAfter) + ", was " + value;
  }
}
