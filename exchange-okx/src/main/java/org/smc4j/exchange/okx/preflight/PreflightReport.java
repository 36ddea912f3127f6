package org.smc4j.exchange.okx.preflight;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every finding of one pre-flight run.
 *
 * @param problems the findings, refusals and warnings, in the order they were checked
 */
public record PreflightReport(List<PreflightProblem> problems) {

  /** Copies the list. */
  public PreflightReport {
    problems = List.copyOf(problems);
  }

  /** Tells whether the bot may start: no finding refuses. */
  public boolean passed() {
    return problems.stream().noneMatch(PreflightProblem::refusing);
  }

  /** Returns the findings that refuse the start. */
  public List<PreflightProblem> refusals() {
    return problems.stream().filter(PreflightProblem::refusing).toList();
  }

  /** Returns the warnings. */
  public List<PreflightProblem> warnings() {
    return problems.stream().filter(p -> !p.refusing()).toList();
  }

  /**
   * Describes the report, one finding per line.
   *
   * @return e.g. {@code REFUSED: POSITION_MODE: ...}
   */
  public String describe() {
    if (problems.isEmpty()) {
      return "pre-flight passed";
    }
    return problems.stream()
        .map(p -> (p.refusing() ? "REFUSED: " : "WARNING: ") + p.kind() + ": " + p.message())
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
