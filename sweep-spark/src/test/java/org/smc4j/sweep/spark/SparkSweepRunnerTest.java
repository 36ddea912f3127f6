package org.smc4j.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.sweep.SweepJob;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.CsvCandleSource;
import org.smc4j.sweep.LocalSweepRunner;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.ResultSink;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepSummary;
import org.smc4j.sweep.SweepTask;
import org.smc4j.sweep.SweepWindow;

/**
 * A small sweep on real data (2 symbols x 2 windows x 4 combinations, two weeks) through the local
 * runner and through Spark {@code local[2]}: the rows must be identical.
 */
class SparkSweepRunnerTest {

  private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant MID = Instant.parse("2025-03-08T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-03-15T00:00:00Z");

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .appName("SparkSweepRunnerTest")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static SweepSource source(Path dir) throws IOException {
    Path data = SharedData.requireData("binance-usdm").toAbsolutePath();
    String yaml =
        String.join(
            "\n",
            "data: " + data,
            "symbols: [SOLUSDT, BTCUSDT]",
            "from: 2025-03-01",
            "to: 2025-03-15",
            "objective: net-r",
            "min-trades: 1",
            "block-size: 3",
            "grid:",
            "  cartesian:",
            "    strategy.target.reward-risk: [1.5, 2.5]",
            "    strategy.stop.buffer-atr: [0.1, 0.3]",
            "");
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, yaml);
    return SweepSource.of(yaml, file)
        .with(List.of(new SweepWindow(0, FROM, MID), new SweepWindow(1, MID, TO)), 3);
  }

  @Test
  void shouldGiveTheLocalRunnersRowsAndWriteParquetPartitionedBySymbolAndWindow(@TempDir Path dir)
      throws IOException {
    SweepSource source = source(dir);
    SweepJob job = source.job();
    SweepSpec spec = job.spec();
    assertThat(spec.tasks()).hasSize(8);

    Collecting local = new Collecting();
    SweepSummary localSummary =
        new LocalSweepRunner(
                2,
                new CandleCache(
                    CsvCandleSource.of(job.data(), CandleCsvReader.STRICT, FROM, TO), 4),
                p -> {},
                System::nanoTime)
            .run(spec, local);
    Collecting onSpark = new Collecting();
    String out = dir.resolve("rows").toString();
    SweepSummary sparkSummary = new SparkSweepRunner(spark, source, out, 2).run(spec, onSpark);

    assertThat(localSummary.failures()).isEmpty();
    assertThat(sparkSummary.failures()).isEmpty();
    assertThat(sparkSummary.ran()).isEqualTo(8);
    assertThat(sparkSummary.combos()).isEqualTo(16);
    assertThat(onSpark.rows.keySet()).hasSize(8);
    assertThat(new TreeMap<>(onSpark.rows)).isEqualTo(new TreeMap<>(local.rows));
    // the comparison means something only if backtests traded
    assertThat(local.rows.values().stream().flatMap(List::stream))
        .anySatisfy(r -> assertThat(r.metrics().trades()).isPositive());

    Dataset<Row> back = spark.read().parquet(out);
    assertThat(back.count()).isEqualTo(16);
    assertThat(back.where("symbol = 'SOLUSDT' AND window = 1").count()).isEqualTo(4);
    assertThat(Files.isDirectory(Path.of(out, "symbol=SOLUSDT", "window=0"))).isTrue();
    assertThat(Files.isDirectory(Path.of(out, "symbol=BTCUSDT", "window=1"))).isTrue();
    try (Stream<Path> files = Files.walk(Path.of(out))) {
      assertThat(files.filter(f -> f.toString().endsWith(".parquet")))
          .isNotEmpty()
          .allSatisfy(
              f ->
                  assertThat(f.getParent().getParent().getFileName().toString())
                      .startsWith("symbol="));
    }
  }

  @Test
  void shouldCollectTheBestRowsOfEachSymbolAndWindowByTheObjective(@TempDir Path dir)
      throws IOException {
    SweepSource source = source(dir);
    SweepSpec spec = source.job().spec();
    SparkSweepResult result =
        new SparkSweepRunner(spark, source, dir.resolve("rows").toString(), 2).sweep();

    Collecting all = new Collecting();
    new SparkSweepRunner(spark, source, dir.resolve("again").toString(), 0).run(spec, all);
    List<ResultRow> expected = new ArrayList<>();
    for (String symbol : spec.symbols()) {
      for (SweepWindow w : spec.windows()) {
        all.rows.values().stream()
            .flatMap(List::stream)
            .filter(r -> r.symbol().equals(symbol) && r.window().equals(w))
            .filter(r -> score(spec, r).isPresent())
            .sorted(
                Comparator.comparingDouble((ResultRow r) -> -score(spec, r).getAsDouble())
                    .thenComparingLong(ResultRow::combo))
            .limit(2)
            .forEach(expected::add);
      }
    }
    List<ResultRow> bySymbolOrder = new ArrayList<>(result.best());
    bySymbolOrder.sort(
        Comparator.comparingInt((ResultRow r) -> spec.symbols().indexOf(r.symbol()))
            .thenComparingInt(r -> r.window().index()));
    assertThat(expected).isNotEmpty();
    assertThat(bySymbolOrder).isEqualTo(expected);
  }

  @Test
  void shouldNotRecomputeAFinishedCellAfterACrash(@TempDir Path dir) throws IOException {
    SweepSource source = source(dir);
    Path out = dir.resolve("rows");
    // rounds of 2 tasks: one (symbol, window) cell per Spark job, 4 jobs
    SparkSweepResult first = new SparkSweepRunner(spark, source, out.toString(), 0, 2).sweep();
    assertThat(first.summary().ran()).isEqualTo(8);
    assertThat(first.summary().resumed()).isZero();
    List<Row> rowsBefore = sortedRows(out);
    Path manifest = out.resolve(ParquetManifest.DIR).resolve("done");
    List<Path> rounds;
    try (Stream<Path> files = Files.list(manifest)) {
      rounds = files.filter(f -> f.getFileName().toString().startsWith("round-")).toList();
    }
    assertThat(rounds).hasSize(4);

    // The crash: BTCUSDT's two cells never got recorded; window 1 was not even written, window 0
    // was written but the driver died before recording it.
    for (Path round : rounds) {
      if (Files.readString(round).contains("BTCUSDT")) {
        Files.delete(round);
      }
    }
    deleteTree(out.resolve("symbol=BTCUSDT").resolve("window=1"));
    Map<Path, FileTime> solBefore = parquetFiles(out.resolve("symbol=SOLUSDT"));
    Map<Path, FileTime> btcBefore = parquetFiles(out.resolve("symbol=BTCUSDT"));
    assertThat(solBefore).isNotEmpty();

    SparkSweepResult second = new SparkSweepRunner(spark, source, out.toString(), 0, 2).sweep();

    assertThat(second.summary().resumed()).isEqualTo(4);
    assertThat(second.summary().ran()).isEqualTo(4);
    assertThat(second.summary().combos()).isEqualTo(8);
    // SOLUSDT's partitions are the very files of the first run; BTCUSDT's were written again
    assertThat(parquetFiles(out.resolve("symbol=SOLUSDT"))).isEqualTo(solBefore);
    assertThat(parquetFiles(out.resolve("symbol=BTCUSDT")).keySet())
        .doesNotContainAnyElementsOf(btcBefore.keySet());
    // no row lost, none written twice
    assertThat(sortedRows(out)).isEqualTo(rowsBefore);

    SparkSweepResult third = new SparkSweepRunner(spark, source, out.toString(), 0).sweep();
    assertThat(third.summary().resumed()).isEqualTo(8);
    assertThat(third.summary().ran()).isZero();
    assertThat(parquetFiles(out.resolve("symbol=SOLUSDT"))).isEqualTo(solBefore);
  }

  @Test
  void shouldRefuseAnOutputFolderOfAnotherSpec(@TempDir Path dir) throws IOException {
    SweepSource source = source(dir);
    Path out = dir.resolve("rows");
    new SparkSweepRunner(spark, source, out.toString(), 0).sweep();
    SweepSource other =
        source.with(List.of(new SweepWindow(0, FROM, MID), new SweepWindow(1, MID, TO)), 2);
    Path notOurs = Files.createDirectories(dir.resolve("other"));
    Files.writeString(notOurs.resolve("x.txt"), "x");

    assertThatThrownBy(() -> new SparkSweepRunner(spark, other, out.toString(), 0).sweep())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("holds rows of another sweep spec");
    assertThatThrownBy(() -> new SparkSweepRunner(spark, source, notOurs.toString(), 0).sweep())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not empty and holds no _smc4j/sweep.id");
  }

  @Test
  void shouldGroupWholeCellsIntoRounds() {
    List<List<Integer>> cells = List.of(List.of(0, 1), List.of(2), List.of(3, 4, 5), List.of(6));

    assertThat(SparkSweepRunner.rounds(cells, 3))
        .containsExactly(
            List.of(List.of(0, 1), List.of(2)), List.of(List.of(3, 4, 5)), List.of(List.of(6)));
    assertThat(SparkSweepRunner.rounds(cells, 100)).containsExactly(cells);
  }

  private static List<Row> sortedRows(Path out) {
    return spark.read().parquet(out.toString()).orderBy("task_id", "combo").collectAsList();
  }

  private static Map<Path, FileTime> parquetFiles(Path dir) throws IOException {
    Map<Path, FileTime> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        files.put(f, Files.getLastModifiedTime(f));
      }
    }
    return files;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void shouldPutOnlyOneSymbolsTasksInEachSlice() {
    Map<String, List<Integer>> bySymbol = new java.util.LinkedHashMap<>();
    bySymbol.put("SOLUSDT", List.of(0, 1, 2, 3, 4));
    bySymbol.put("BTCUSDT", List.of(5, 6));
    List<List<Integer>> slices = SparkSweepRunner.slices(bySymbol, 7, 4);

    assertThat(slices).containsExactly(List.of(0, 1), List.of(2, 3), List.of(4), List.of(5, 6));
  }

  private static OptionalDouble score(SweepSpec spec, ResultRow r) {
    return spec.objective().score(r.metrics(), spec.minTrades());
  }

  /** A sink on the driver that keeps every task's rows. */
  private static final class Collecting implements ResultSink {
    final Map<String, List<ResultRow>> rows = new ConcurrentHashMap<>();

    @Override
    public Set<String> finishedTaskIds() {
      return Set.copyOf(rows.keySet());
    }

    @Override
    public void accept(SweepTask task, List<ResultRow> taskRows) {
      rows.put(task.taskId(), List.copyOf(taskRows));
    }

    @Override
    public void finish(List<SweepTask> tasks) {}
  }
}
