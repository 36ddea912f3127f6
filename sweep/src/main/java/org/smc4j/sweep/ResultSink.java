package org.smc4j.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Where a runner puts the rows of finished tasks. Thread-safe: runners call {@link #accept} from
 * many threads. A sink remembers which tasks it holds ({@link #finishedTaskIds()}), so that a
 * runner resumes a sweep without redoing them.
 */
public interface ResultSink {

  /**
   * Returns the ids of the tasks whose rows the sink already holds (its manifest).
   *
   * @return the task ids
   * @throws IOException when the manifest cannot be read
   */
  Set<String> finishedTaskIds() throws IOException;

  /**
   * Stores one finished task's rows, all or nothing.
   *
   * @param task the task
   * @param rows its rows, in combination order
   * @throws IOException when they cannot be stored
   */
  void accept(SweepTask task, List<ResultRow> rows) throws IOException;

  /**
   * Called once when every task is done: merges what was stored.
   *
   * @param tasks every task of the sweep, in order
   * @throws IOException when the merge fails
   */
  void finish(List<SweepTask> tasks) throws IOException;
}
