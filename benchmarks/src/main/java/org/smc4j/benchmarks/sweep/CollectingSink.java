package org.smc4j.benchmarks.sweep;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.ResultSink;
import org.smc4j.sweep.SweepTask;

/** Keeps a sweep's rows in memory, by task id, so a harness can check them after the run. */
final class CollectingSink implements ResultSink {

  private final Map<String, List<ResultRow>> rows = new ConcurrentHashMap<>();

  @Override
  public Set<String> finishedTaskIds() {
    return Set.of();
  }

  @Override
  public void accept(SweepTask task, List<ResultRow> taskRows) {
    rows.put(task.taskId(), List.copyOf(taskRows));
  }

  @Override
  public void finish(List<SweepTask> tasks) {
    // nothing to merge: the rows stay in memory
  }

  /** Returns every row received. */
  List<ResultRow> rows() {
    return rows.values().stream().flatMap(List::stream).toList();
  }
}
