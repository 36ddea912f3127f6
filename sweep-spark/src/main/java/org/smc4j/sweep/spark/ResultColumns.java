package org.smc4j.sweep.spark;

import java.io.Serial;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.sweep.ParamSet;
import org.smc4j.sweep.ParamValue;
import org.smc4j.sweep.ResultCsv;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.SweepWindow;

/**
 * The Spark form of {@link ResultRow}s, with the columns of {@link ResultCsv}: {@code task_id,
 * symbol, window, window_from, window_to, combo}, one string column per parameter (its key path,
 * the value's text), every metric (an undefined ratio is null), then {@code score}: the objective's
 * value, null below the minimum trade count. Reading a row back gives an equal row.
 *
 * @param keys the grid's parameter key paths, in column order
 */
record ResultColumns(List<String> keys) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** The column of the objective's value. */
  static final String SCORE = "score";

  ResultColumns {
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
  }

  /** Returns the schema. */
  StructType schema() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("task_id", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("symbol", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("window", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("window_from", DataTypes.TimestampType, false));
    f.add(DataTypes.createStructField("window_to", DataTypes.TimestampType, false));
    f.add(DataTypes.createStructField("combo", DataTypes.LongType, false));
    for (String k : keys) {
      f.add(DataTypes.createStructField(k, DataTypes.StringType, false));
    }
    for (String m : ResultCsv.METRICS) {
      f.add(DataTypes.createStructField(m, metricType(m), optional(m)));
    }
    f.add(DataTypes.createStructField(SCORE, DataTypes.DoubleType, true));
    return DataTypes.createStructType(f);
  }

  private static DataType metricType(String metric) {
    return switch (metric) {
      case "trades", "wins", "ambiguous_trades" -> DataTypes.IntegerType;
      default -> DataTypes.DoubleType;
    };
  }

  private static boolean optional(String metric) {
    return switch (metric) {
      case "win_rate",
          "avg_r_gross",
          "avg_r_net",
          "expectancy",
          "profit_factor",
          "sharpe",
          "sortino" ->
          true;
      default -> false;
    };
  }

  /**
   * Returns the Spark row of a result.
   *
   * @param taskId the task that computed it
   * @param r the result
   * @param score the objective's value, empty when not ranked
   * @return the row, in {@link #schema()} order
   */
  Row toRow(String taskId, ResultRow r, OptionalDouble score) {
    PerformanceMetrics m = r.metrics();
    List<Object> v = new ArrayList<>();
    v.add(taskId);
    v.add(r.symbol());
    v.add(r.window().index());
    v.add(Timestamp.from(r.window().from()));
    v.add(Timestamp.from(r.window().to()));
    v.add(r.combo());
    for (String k : keys) {
      v.add(r.params().get(k).text());
    }
    v.add(m.trades());
    v.add(m.wins());
    v.add(m.ambiguousTrades());
    v.add(boxed(m.winRate()));
    v.add(boxed(m.averageRGross()));
    v.add(boxed(m.averageRNet()));
    v.add(boxed(m.expectancy()));
    v.add(boxed(m.profitFactor()));
    v.add(m.grossPnl());
    v.add(m.netPnl());
    v.add(m.optimisticNetPnl());
    v.add(m.totalRNet());
    v.add(m.maxDrawdown());
    v.add(m.maxDrawdownR());
    v.add(boxed(m.sharpe()));
    v.add(boxed(m.sortino()));
    v.add(m.exposure());
    v.add(m.fees());
    v.add(m.funding());
    v.add(m.slippage());
    v.add(boxed(score));
    return RowFactory.create(v.toArray());
  }

  /**
   * Reads a result back from a row of this schema, found by column name (so a row read back from
   * Parquet, its partition columns last, reads as well).
   *
   * @param row the row
   * @param windows the spec's windows, by index
   * @return the result
   */
  ResultRow fromRow(Row row, List<SweepWindow> windows) {
    String symbol = row.getAs("symbol");
    int window = ((Number) row.getAs("window")).intValue();
    long combo = ((Number) row.getAs("combo")).longValue();
    Map<String, ParamValue> params = new LinkedHashMap<>();
    for (String k : keys) {
      params.put(k, ParamValue.parse(row.getAs(k)));
    }
    PerformanceMetrics m =
        new PerformanceMetrics(
            symbol,
            integer(row, "trades"),
            integer(row, "wins"),
            integer(row, "ambiguous_trades"),
            opt(row, "win_rate"),
            opt(row, "avg_r_gross"),
            opt(row, "avg_r_net"),
            opt(row, "expectancy"),
            opt(row, "profit_factor"),
            num(row, "gross_pnl"),
            num(row, "net_pnl"),
            num(row, "optimistic_net_pnl"),
            num(row, "total_r_net"),
            num(row, "max_drawdown"),
            num(row, "max_drawdown_r"),
            opt(row, "sharpe"),
            opt(row, "sortino"),
            num(row, "exposure"),
            num(row, "fees"),
            num(row, "funding"),
            num(row, "slippage"));
    return new ResultRow(symbol, windows.get(window), combo, new ParamSet(params), m);
  }

  private static Double boxed(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  private static int integer(Row row, String name) {
    return ((Number) row.getAs(name)).intValue();
  }

  private static double num(Row row, String name) {
    return ((Number) row.getAs(name)).doubleValue();
  }

  private static OptionalDouble opt(Row row, String name) {
    Object v = row.getAs(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) v).doubleValue());
  }
}
