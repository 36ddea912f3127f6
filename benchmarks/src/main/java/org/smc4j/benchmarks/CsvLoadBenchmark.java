package org.smc4j.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.csv.CandleCsvReader;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Loads the six monthly Binance USDT-M 5m files of one symbol (52,128 rows for BTCUSDT) into a
 * columnar {@link BarArrays}, once with smc4j's {@link CandleCsvReader} (byte-level parsing plus
 * full validation) and once with tablesaw's CSV reader (column types given, unused columns skipped,
 * then the columns copied into a checked {@link BarArrays}), so both produce the same result. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar CsvLoad}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvLoadBenchmark {

  /** The symbol folder under {@code binance-usdm}. */
  @Param({"BTCUSDT"})
  public String symbol;

  private List<Path> files;

  /** Creates the benchmark state (JMH). */
  public CsvLoadBenchmark() {}

  /** Lists the symbol's monthly files. */
  @Setup
  public void listFiles() {
    files = BenchmarkData.csvFiles("binance-usdm/" + symbol + "/5m");
  }

  /**
   * smc4j's reader: all files as one validated series.
   *
   * @return the bars
   */
  @Benchmark
  public BarArrays smc4jCandleCsvReader() {
    return CandleCsvReader.LENIENT.read(files).bars();
  }

  /**
   * tablesaw's reader, one table per file, columns concatenated into a checked {@link BarArrays}.
   *
   * @return the bars
   */
  @Benchmark
  public BarArrays tablesawCsvReader() {
    int total = 0;
    Table[] tables = new Table[files.size()];
    for (int k = 0; k < tables.length; k++) {
      CsvReadOptions options =
          CsvReadOptions.builder(files.get(k).toFile())
              .header(true)
              .columnTypes(BINANCE_TYPES)
              .build();
      tables[k] = Table.read().usingOptions(options);
      total += tables[k].rowCount();
    }
    long[] time = new long[total];
    double[] open = new double[total];
    double[] high = new double[total];
    double[] low = new double[total];
    double[] close = new double[total];
    double[] volume = new double[total];
    int at = 0;
    for (Table t : tables) {
      int n = t.rowCount();
      System.arraycopy(((LongColumn) t.column(0)).asLongArray(), 0, time, at, n);
      System.arraycopy(((DoubleColumn) t.column(1)).asDoubleArray(), 0, open, at, n);
      System.arraycopy(((DoubleColumn) t.column(2)).asDoubleArray(), 0, high, at, n);
      System.arraycopy(((DoubleColumn) t.column(3)).asDoubleArray(), 0, low, at, n);
      System.arraycopy(((DoubleColumn) t.column(4)).asDoubleArray(), 0, close, at, n);
      System.arraycopy(((DoubleColumn) t.column(5)).asDoubleArray(), 0, volume, at, n);
      at += n;
    }
    return BarArrays.of(Timeframe.M5, time, open, high, low, close, volume);
  }

  /** Binance kline columns: open time and OHLCV read, the rest skipped (smc4j ignores them too). */
  private static final ColumnType[] BINANCE_TYPES = {
    ColumnType.LONG,
    ColumnType.DOUBLE,
    ColumnType.DOUBLE,
    ColumnType.DOUBLE,
    ColumnType.DOUBLE,
    ColumnType.DOUBLE,
    ColumnType.SKIP,
    ColumnType.SKIP,
    ColumnType.SKIP,
    ColumnType.SKIP,
    ColumnType.SKIP,
    ColumnType.SKIP
  };
}
