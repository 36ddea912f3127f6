package org.smc4j.sweep.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.util.CollectionAccumulator;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.ResultSink;
import org.smc4j.sweep.SweepRunner;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepSummary;
import org.smc4j.sweep.SweepTask;
import org.smc4j.sweep.TaskFailure;

/**
 * Runs a sweep on Apache Spark with the same kernel as the local runner. The driver lists the
 * tasks, groups them by symbol and cuts each symbol's tasks into slices, so that a slice holds one
 * symbol's tasks only; {@code parallelize} ships task indices, never candles. The spec goes out as
 * a {@link Broadcast} of its {@link SweepSource}; each executor reads the spec and, through its
 * per-JVM {@link org.smc4j.sweep.CandleCache}, the symbol's candles from the spec's data folder (a
 * path every executor sees: local, NFS), then calls {@link org.smc4j.sweep.TaskExecutor} on each
 * task. The rows become a {@code Dataset<Row>} written as Parquet partitioned by {@code symbol} and
 * {@code window}; the driver collects only the best rows of each (symbol, window).
 *
 * <p>A task that throws is reported as a {@link TaskFailure} and the others complete, as with the
 * local runner.
 */
public final class SparkSweepRunner implements SweepRunner {

  private final SparkSession spark;
  private final SweepSource source;
  private final String output;
  private final int best;

  /**
   * Creates a runner.
   *
   * @param spark the session
   * @param source the spec as it travels to the executors
   * @param output where the Parquet rows go (a folder; replaced)
   * @param best how many best rows of each (symbol, window) the driver collects, {@code >= 0}
   * @throws IllegalArgumentException when best is negative
   */
  public SparkSweepRunner(SparkSession spark, SweepSource source, String output, int best) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.source = Objects.requireNonNull(source, "source");
    this.output = Objects.requireNonNull(output, "output");
    if (best < 0) {
      throw new IllegalArgumentException("best must be >= 0, was " + best);
    }
    this.best = best;
  }

  /**
   * Runs every task of the source's spec and writes the rows as Parquet.
   *
   * @return what was done and the best rows
   */
  public SparkSweepResult sweep() {
    return sweep(Set.of());
  }

  private SparkSweepResult sweep(Set<String> skip) {
    long start = System.nanoTime();
    SweepSpec spec = source.job().spec();
    List<SweepTask> all = spec.tasks();
    Map<String, List<Integer>> bySymbol = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      SweepTask t = all.get(i);
      if (!skip.contains(t.taskId())) {
        bySymbol.computeIfAbsent(t.symbol(), k -> new ArrayList<>()).add(i);
      }
    }
    int todo = bySymbol.values().stream().mapToInt(List::size).sum();
    long combos =
        bySymbol.values().stream().flatMap(List::stream).mapToLong(i -> all.get(i).combos()).sum();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<Integer>> slices = slices(bySymbol, todo, 2 * jsc.defaultParallelism());
    ResultColumns columns = new ResultColumns(spec.grid().keys());
    Broadcast<SweepSource> shared = jsc.broadcast(source);
    CollectionAccumulator<String> failed = spark.sparkContext().collectionAccumulator("failed");
    JavaRDD<Row> rows =
        jsc.parallelize(slices, Math.max(1, slices.size()))
            .mapPartitions(new RunSlices(shared, columns, failed));
    Dataset<Row> frame = spark.createDataFrame(rows, columns.schema());
    frame.write().mode(SaveMode.Overwrite).partitionBy("symbol", "window").parquet(output);
    List<TaskFailure> failures = new ArrayList<>();
    for (String f : failed.value()) {
      int colon = f.indexOf('\t');
      failures.add(new TaskFailure(f.substring(0, colon), f.substring(colon + 1)));
    }
    failures.sort(Comparator.comparingInt(f -> indexOf(all, f.taskId())));
    List<ResultRow> top = best == 0 ? List.of() : best(columns, spec);
    SweepSummary summary =
        new SweepSummary(
            all.size(),
            all.size() - todo,
            todo - failures.size(),
            combos,
            Duration.ofNanos(System.nanoTime() - start),
            failures);
    return new SparkSweepResult(summary, top);
  }

  /**
   * Runs the sweep as {@link #sweep()} does, skipping the tasks the sink already holds, then hands
   * each task's rows, read back from the Parquet output, to the sink on the driver. Use it for a
   * sink on the driver (a test, a small sweep); on a cluster use {@link #sweep()} and read the
   * Parquet.
   *
   * @param spec the sweep, which must equal the source's
   * @param sink the sink
   * @return what was done
   * @throws IOException when the sink fails
   * @throws IllegalArgumentException when the spec is not the source's
   */
  @Override
  public SweepSummary run(SweepSpec spec, ResultSink sink) throws IOException {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(sink, "sink");
    SweepSpec shipped = source.job().spec();
    if (!shipped.equals(spec)) {
      throw new IllegalArgumentException(
          "the spec differs from the one the runner ships to executors ("
              + source.specFile()
              + ")");
    }
    Set<String> skip = sink.finishedTaskIds();
    SparkSweepResult result = sweep(skip);
    List<SweepTask> all = spec.tasks();
    Set<String> failedIds = new HashSet<>();
    result.summary().failures().forEach(f -> failedIds.add(f.taskId()));
    ResultColumns columns = new ResultColumns(spec.grid().keys());
    Map<String, List<ResultRow>> byTask = new LinkedHashMap<>();
    Iterator<Row> it =
        spark.read().parquet(output).orderBy(col("task_id"), col("combo")).toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      byTask
          .computeIfAbsent(r.getAs("task_id"), k -> new ArrayList<>())
          .add(columns.fromRow(r, spec.windows()));
    }
    for (SweepTask t : all) {
      if (skip.contains(t.taskId()) || failedIds.contains(t.taskId())) {
        continue;
      }
      sink.accept(t, byTask.getOrDefault(t.taskId(), List.of()));
    }
    sink.finish(all);
    return result.summary();
  }

  private List<ResultRow> best(ResultColumns columns, SweepSpec spec) {
    WindowSpec byCell =
        Window.partitionBy("symbol", "window").orderBy(col("score").desc(), col("combo").asc());
    List<Row> rows =
        spark
            .read()
            .parquet(output)
            .where(col("score").isNotNull())
            .withColumn("rank", row_number().over(byCell))
            .where(col("rank").leq(best))
            .orderBy(col("symbol"), col("window"), col("rank"))
            .collectAsList();
    List<ResultRow> top = new ArrayList<>();
    for (Row r : rows) {
      top.add(columns.fromRow(r, spec.windows()));
    }
    return top;
  }

  /**
   * Cuts each symbol's tasks into slices, so that a slice holds one symbol's tasks only and there
   * are about {@code target} slices (at least one per symbol).
   */
  static List<List<Integer>> slices(Map<String, List<Integer>> bySymbol, int tasks, int target) {
    int perSlice = Math.max(1, (int) Math.ceil(tasks / (double) Math.max(1, target)));
    List<List<Integer>> slices = new ArrayList<>();
    for (List<Integer> own : bySymbol.values()) {
      for (int i = 0; i < own.size(); i += perSlice) {
        slices.add(List.copyOf(own.subList(i, Math.min(own.size(), i + perSlice))));
      }
    }
    return slices;
  }

  private static int indexOf(List<SweepTask> tasks, String id) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).taskId().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Runs the tasks of a partition's slices on an executor. */
  private static final class RunSlices implements FlatMapFunction<Iterator<List<Integer>>, Row> {

    @Serial private static final long serialVersionUID = 1L;

    private final Broadcast<SweepSource> source;
    private final ResultColumns columns;
    private final CollectionAccumulator<String> failed;

    RunSlices(
        Broadcast<SweepSource> source,
        ResultColumns columns,
        CollectionAccumulator<String> failed) {
      this.source = source;
      this.columns = columns;
      this.failed = failed;
    }

    @Override
    public Iterator<Row> call(Iterator<List<Integer>> slices) {
      ExecutorState state = ExecutorState.of(source.value());
      SweepSpec spec = state.spec();
      List<Row> out = new ArrayList<>();
      while (slices.hasNext()) {
        for (int index : slices.next()) {
          SweepTask task = state.tasks().get(index);
          List<ResultRow> rows;
          try {
            rows = state.kernel().run(task, state.candles());
          } catch (RuntimeException e) {
            failed.add(task.taskId() + "\t" + e.getMessage());
            continue;
          }
          for (ResultRow r : rows) {
            out.add(
                columns.toRow(
                    task.taskId(), r, spec.objective().score(r.metrics(), spec.minTrades())));
          }
        }
      }
      return out.iterator();
    }
  }
}
