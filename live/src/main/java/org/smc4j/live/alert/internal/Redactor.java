package org.smc4j.live.alert.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces a sink's secrets (bot token, webhook URL, webhook token) by {@value #MASK} in messages
 * and in whole exception chains, so that nothing a sink logs or throws can leak them.
 */
public final class Redactor {

  /** What a secret is replaced by. */
  public static final String MASK = "<redacted>";

  private final List<String> secrets;

  /**
   * Creates a redactor for the given secrets; blank ones are ignored, longer ones are replaced
   * first so a secret that contains another is masked whole.
   *
   * @param secrets the secret strings
   */
  public Redactor(List<String> secrets) {
    List<String> sorted = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && !s.isBlank()) {
        sorted.add(s);
      }
    }
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(sorted);
  }

  /**
   * The text with every secret masked.
   *
   * @param text any text, may be {@code null}
   * @return the masked text ({@code null} stays {@code null})
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return out;
  }

  /**
   * The exception chain with secrets masked: returns {@code t} itself when no message in its chain
   * contains a secret, else a copy of the chain whose elements are {@link RedactedException}s that
   * keep the original class name, the masked message and the stack trace.
   *
   * @param t the throwable, may be {@code null}
   * @return a throwable safe to log, or {@code null} for {@code null}
   */
  public Throwable scrub(Throwable t) {
    if (t == null || !leaks(t)) {
      return t;
    }
    return copy(t, 0);
  }

  private boolean leaks(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
      String m = c.toString();
      if (!Objects.equals(m, redact(m))) {
        return true;
      }
    }
    return false;
  }

  private Throwable copy(Throwable t, int depth) {
    Throwable cause = t.getCause() == null || depth >= 32 ? null : copy(t.getCause(), depth + 1);
    RedactedException r =
        new RedactedException(t.getClass().getName() + ": " + redact(t.getMessage()), cause);
    r.setStackTrace(t.getStackTrace());
    return r;
  }

  /** Stands in for an exception whose message contained a secret. */
  public static final class RedactedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RedactedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
