package org.smc4j.exchange.okx.execution;

import java.util.Objects;
import org.smc4j.exchange.okx.preflight.PreflightReport;

/** The executor refused to start: the account pre-flight found a refusing problem. */
public final class StartRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient PreflightReport report;

  /**
   * Creates the exception.
   *
   * @param report the pre-flight report; its description is the message
   */
  public StartRefusedException(PreflightReport report) {
    super("refusing to start: " + Objects.requireNonNull(report, "report").describe());
    this.report = report;
  }

  /** Returns the pre-flight report. */
  public PreflightReport report() {
    return report;
  }
}
