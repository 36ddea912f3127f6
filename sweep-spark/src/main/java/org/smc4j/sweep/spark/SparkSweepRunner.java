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
 * per-JVM {@link org.smc4j.sweep.CandleCache}, the symbol's candles from the data folder through
 * Hadoop's file systems ({@link HadoopCandleSource}: {@code file:}, {@code hdfs://}, {@code
 * s3a://}), then calls {@link org.smc4j.sweep.TaskExecutor} on each task. The rows become a {@code
 * Dataset<Row>} written as Parquet partitioned by {@code symbol} and {@code window}; the driver
 * collects only the best rows of each (symbol, window).
 *
 * <p>A task that throws is reported as a {@link TaskFailure} and the others complete, as with the
 * local runner.
 */
public final class SparkSweepRunner implements SweepRunner {

  private final SparkSession spark;
  private final SweepSource source;
  private final String output;
  private final int best;
  private final int roundTasks;

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
    this(spark, source, output, best, 0);
  }

  /**
   * Creates a runner with a set round size (tests: several rounds on a small sweep).
   *
   * @param roundTasks tasks per round (whole cells are added until it is reached), or 0 for {@link
   *     #rounds}' default
   */
  SparkSweepRunner(
      SparkSession spark, SweepSource source, String output, int best, int roundTasks) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.source = Objects.requireNonNull(source, "source");
    this.output = Objects.requireNonNull(output, "output");
    if (best < 0) {
      throw new IllegalArgumentException("best must be >= 0, was " + best);
    }
    if (roundTasks < 0) {
      throw new IllegalArgumentException("roundTasks must be >= 0, was " + roundTasks);
    }
    this.best = best;
    this.roundTasks = roundTasks;
  }

  /**
   * Runs the tasks of the source's spec that the output folder does not hold yet and writes their
   * rows as Parquet. The work goes in rounds of whole (symbol, window) cells, one Spark job each; a
   * round's rows replace only its own cells' partitions ({@code partitionOverwriteMode} dynamic),
   * and only then are its tasks recorded as finished ({@link ParquetManifest}). After a crash or a
   * failed task, a rerun with the same spec and output skips every cell whose tasks all finished
   * and recomputes the others whole, so no row is lost or written twice.
   *
   * @return what was done and the best rows
   * @throws IOException when the output folder holds rows of another spec or cannot be written
   */
  public SparkSweepResult sweep() throws IOException {
    long start = System.nanoTime();
    SweepSpec spec = source.job().spec();
    List<SweepTask> all = spec.tasks();
    ParquetManifest manifest =
        ParquetManifest.open(
            output,
            ParquetManifest.fingerprint(source),
            spark.sparkContext().hadoopConfiguration());
    Set<String> finished = manifest.finishedTaskIds();
    // a cell (symbol, window) is skipped only when all its tasks finished: its partition is whole
    Map<String, List<Integer>> cells = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      cells.computeIfAbsent(cellOf(all.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> todoCells = new ArrayList<>();
    int resumed = 0;
    for (List<Integer> cell : cells.values()) {
      if (cell.stream().allMatch(i -> finished.contains(all.get(i).taskId()))) {
        resumed += cell.size();
      } else {
        todoCells.add(cell);
      }
    }
    int todo = all.size() - resumed;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int parallelism = jsc.defaultParallelism();
    ResultColumns columns = new ResultColumns(spec.grid().keys());
    Broadcast<SweepSource> shared = jsc.broadcast(source);
    Broadcast<HadoopSettings> hadoop =
        jsc.broadcast(HadoopSettings.of(spark.sparkContext().hadoopConfiguration()));
    List<TaskFailure> failures = new ArrayList<>();
    long combos = 0;
    int target =
        roundTasks > 0
            ? roundTasks
            : Math.max(16 * Math.max(1, parallelism), (int) Math.ceil(todo / 8.0));
    for (List<List<Integer>> round : rounds(todoCells, target)) {
      Map<String, List<Integer>> bySymbol = new LinkedHashMap<>();
      for (List<Integer> cell : round) {
        for (int i : cell) {
          bySymbol.computeIfAbsent(all.get(i).symbol(), k -> new ArrayList<>()).add(i);
          combos += all.get(i).combos();
        }
      }
      int tasks = round.stream().mapToInt(List::size).sum();
      List<List<Integer>> slices = slices(bySymbol, tasks, 2 * parallelism);
      CollectionAccumulator<String> failed = spark.sparkContext().collectionAccumulator("failed");
      JavaRDD<Row> rows =
          jsc.parallelize(slices, Math.max(1, slices.size()))
              .mapPartitions(new RunSlices(shared, hadoop, columns, failed));
      spark
          .createDataFrame(rows, columns.schema())
          .write()
          .mode(SaveMode.Overwrite)
          .option("partitionOverwriteMode", "dynamic")
          .partitionBy("symbol", "window")
          .parquet(output);
      Set<String> failedIds = new HashSet<>();
      for (String f : failed.value()) {
        int tab = f.indexOf('\t');
        failures.add(new TaskFailure(f.substring(0, tab), f.substring(tab + 1)));
        failedIds.add(f.substring(0, tab));
      }
      List<String> done = new ArrayList<>();
      for (List<Integer> cell : round) {
        for (int i : cell) {
          if (!failedIds.contains(all.get(i).taskId())) {
            done.add(all.get(i).taskId());
          }
        }
      }
      manifest.record(done);
    }
    failures.sort(Comparator.comparingInt(f -> indexOf(all, f.taskId())));
    List<ResultRow> top = best == 0 || todo + resumed == 0 ? List.of() : best(columns, spec);
    SweepSummary summary =
        new SweepSummary(
            all.size(),
            resumed,
            todo - failures.size(),
            combos,
            Duration.ofNanos(System.nanoTime() - start),
            failures);
    return new SparkSweepResult(summary, top);
  }

  private static String cellOf(SweepTask t) {
    return t.symbol() + "\t" + t.window().index();
  }

  /**
   * Groups cells, in order, into rounds of at least {@code target} tasks each (the last may be
   * smaller). By default the target is {@code max(16 x parallelism, tasks / 8)}: enough tasks that
   * a round's last slices leave few cores idle, and at most about 8 Spark jobs (each with its fixed
   * cost and Parquet commit), so that a crash loses at most about an eighth of the work.
   */
  static List<List<List<Integer>>> rounds(List<List<Integer>> cells, int target) {
    List<List<List<Integer>>> rounds = new ArrayList<>();
    List<List<Integer>> current = new ArrayList<>();
    int size = 0;
    for (List<Integer> cell : cells) {
      current.add(cell);
      size += cell.size();
      if (size >= target) {
        rounds.add(current);
        current = new ArrayList<>();
        size = 0;
      }
    }
    if (!current.isEmpty()) {
      rounds.add(current);
    }
    return rounds;
  }

  /**
   * Runs the sweep as {@link #sweep()} does (resuming from the Parquet output), then hands each
   * task's rows that the sink does not hold yet, read back from the Parquet output, to the sink on
   * the driver. Use it for a sink on the driver (a test, a small sweep); on a cluster use {@link
   * #sweep()} and read the Parquet.
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
    SparkSweepResult result = sweep();
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
    private final Broadcast<HadoopSettings> hadoop;
    private final ResultColumns columns;
    private final CollectionAccumulator<String> failed;

    RunSlices(
        Broadcast<SweepSource> source,
        Broadcast<HadoopSettings> hadoop,
        ResultColumns columns,
        CollectionAccumulator<String> failed) {
      this.source = source;
      this.hadoop = hadoop;
      this.columns = columns;
      this.failed = failed;
    }

    @Override
    public Iterator<Row> call(Iterator<List<Integer>> slices) {
      ExecutorState state = ExecutorState.of(source.value(), hadoop.value());
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
