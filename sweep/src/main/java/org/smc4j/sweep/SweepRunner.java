package org.smc4j.sweep;

import java.io.IOException;

/** Runs every task of a sweep through {@link TaskExecutor} and puts the rows in a sink. */
public interface SweepRunner {

  /**
   * Runs a sweep, skipping the tasks the sink already holds.
   *
   * @param spec the sweep
   * @param sink where the rows go
   * @return what was done, with the failed tasks beside it
   * @throws IOException when the sink fails
   */
  SweepSummary run(SweepSpec spec, ResultSink sink) throws IOException;
}
