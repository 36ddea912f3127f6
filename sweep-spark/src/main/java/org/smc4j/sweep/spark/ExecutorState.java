package org.smc4j.sweep.spark;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.FundingHistories;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepTask;
import org.smc4j.sweep.TaskExecutor;

/**
 * What one JVM (an executor, or the driver in local mode) keeps for a sweep: the spec read from the
 * broadcast source, its tasks, the kernel, and the candles behind a per-JVM cache, so that a
 * symbol's tasks in this JVM read its candles once.
 *
 * @param spec the sweep
 * @param tasks its tasks, in the spec's order
 * @param kernel the task kernel
 * @param candles the cached candles
 */
record ExecutorState(
    SweepSpec spec, List<SweepTask> tasks, TaskExecutor kernel, CandleCache candles) {

  private static final Object LOCK = new Object();
  private static SweepSource current;
  private static ExecutorState state;

  /**
   * Returns this JVM's state of a source, reading the spec and funding once per source.
   *
   * @param source the broadcast source
   * @param hadoop the driver's Hadoop settings
   * @return the state
   */
  static ExecutorState of(SweepSource source, HadoopSettings hadoop) {
    synchronized (LOCK) {
      if (!source.equals(current)) {
        state = create(source, hadoop.toConfiguration());
        current = source;
      }
      return state;
    }
  }

  /**
   * Builds the state of a source: candles from its data folder through Hadoop's file systems
   * (strict reader, the spec's range, as {@code smc4j sweep} reads them), funding from its funding
   * folder when it names one.
   *
   * @param source the source
   * @param conf the Hadoop configuration
   * @return the state
   */
  static ExecutorState create(SweepSource source, Configuration conf) {
    SweepSpec spec = source.job().spec();
    FundingHistories funding =
        source.funding().isEmpty()
            ? FundingHistories.NONE
            : HadoopCandleSource.readCopy(source.funding(), conf, FundingHistories::read);
    HadoopCandleSource candles =
        HadoopCandleSource.of(source.data(), conf, CandleCsvReader.STRICT, spec.from(), spec.to());
    int capacity = Math.max(4, Runtime.getRuntime().availableProcessors());
    return new ExecutorState(
        spec, spec.tasks(), new TaskExecutor(spec, funding), new CandleCache(candles, capacity));
  }
}
