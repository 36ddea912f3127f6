package org.smc4j.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.smc4j.backtest.metrics.PerformanceMetrics;

/**
 * The CSV form of {@link ResultRow}s: {@code symbol, window, window_from, window_to, combo}, one
 * column per parameter (its key path), then every {@link PerformanceMetrics} field. Numbers are
 * written with {@link Double#toString(double)}, so reading a row back gives an equal row; an
 * undefined ratio is an empty cell.
 */
public final class ResultCsv {

  /** The metric columns, in order. */
  public static final List<String> METRICS =
      List.of(
          "trades",
          "wins",
          "ambiguous_trades",
          "win_rate",
          "avg_r_gross",
          "avg_r_net",
          "expectancy",
          "profit_factor",
          "gross_pnl",
          "net_pnl",
          "optimistic_net_pnl",
          "total_r_net",
          "max_drawdown",
          "max_drawdown_r_net",
          "sharpe",
          "sortino",
          "exposure",
          "fees",
          "funding",
          "slippage");

  private static final int LEAD = 5;

  private final List<String> keys;

  /**
   * Creates the codec of a grid's parameter columns.
   *
   * @param keys the parameter key paths, in column order
   */
  public ResultCsv(List<String> keys) {
    this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
  }

  /** Returns the header line (without a line break). */
  public String header() {
    List<String> cols = new ArrayList<>(List.of("symbol", "window", "window_from", "window_to"));
    cols.add("combo");
    cols.addAll(keys);
    cols.addAll(METRICS);
    return String.join(",", cols);
  }

  /**
   * Formats one row.
   *
   * @param row the row, with this codec's keys
   * @return the line (without a line break)
   */
  public String format(ResultRow row) {
    PerformanceMetrics m = row.metrics();
    StringBuilder sb = new StringBuilder(256);
    sb.append(row.symbol())
        .append(',')
        .append(row.window().index())
        .append(',')
        .append(row.window().from())
        .append(',')
        .append(row.window().to())
        .append(',')
        .append(row.combo());
    for (String k : keys) {
      sb.append(',').append(row.params().get(k).text());
    }
    sb.append(',').append(m.trades()).append(',').append(m.wins());
    sb.append(',').append(m.ambiguousTrades());
    opt(sb, m.winRate());
    opt(sb, m.averageRGross());
    opt(sb, m.averageRNet());
    opt(sb, m.expectancy());
    opt(sb, m.profitFactor());
    num(sb, m.grossPnl());
    num(sb, m.netPnl());
    num(sb, m.optimisticNetPnl());
    num(sb, m.totalRNet());
    num(sb, m.maxDrawdown());
    num(sb, m.maxDrawdownR());
    opt(sb, m.sharpe());
    opt(sb, m.sortino());
    num(sb, m.exposure());
    num(sb, m.fees());
    num(sb, m.funding());
    num(sb, m.slippage());
    return sb.toString();
  }

  /**
   * Reads one row.
   *
   * @param line a line written by {@link #format(ResultRow)}
   * @return the row
   * @throws IllegalArgumentException when the line has the wrong number of cells or a bad cell
   */
  public ResultRow parse(String line) {
    String[] c = line.split(",", -1);
    int expected = LEAD + keys.size() + METRICS.size();
    if (c.length != expected) {
      throw new IllegalArgumentException(
          "a result line must have " + expected + " cells, had " + c.length + ": " + line);
    }
    String symbol = c[0];
    SweepWindow window =
        new SweepWindow(Integer.parseInt(c[1]), Instant.parse(c[2]), Instant.parse(c[3]));
    long combo = Long.parseLong(c[4]);
    Map<String, ParamValue> params = new LinkedHashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      params.put(keys.get(k), ParamValue.parse(c[LEAD + k]));
    }
    int i = LEAD + keys.size();
    PerformanceMetrics m =
        new PerformanceMetrics(
            symbol,
            Integer.parseInt(c[i]),
            Integer.parseInt(c[i + 1]),
            Integer.parseInt(c[i + 2]),
            opt(c[i + 3]),
            opt(c[i + 4]),
            opt(c[i + 5]),
            opt(c[i + 6]),
            opt(c[i + 7]),
            Double.parseDouble(c[i + 8]),
            Double.parseDouble(c[i + 9]),
            Double.parseDouble(c[i + 10]),
            Double.parseDouble(c[i + 11]),
            Double.parseDouble(c[i + 12]),
            Double.parseDouble(c[i + 13]),
            opt(c[i + 14]),
            opt(c[i + 15]),
            Double.parseDouble(c[i + 16]),
            Double.parseDouble(c[i + 17]),
            Double.parseDouble(c[i + 18]),
            Double.parseDouble(c[i + 19]));
    return new ResultRow(symbol, window, combo, new ParamSet(params), m);
  }

  private static void opt(StringBuilder sb, OptionalDouble v) {
    sb.append(',');
    if (v.isPresent()) {
      sb.append(v.getAsDouble());
    }
  }

  private static void num(StringBuilder sb, double v) {
    sb.append(',').append(v);
  }

  private static OptionalDouble opt(String cell) {
    return cell.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cell));
  }
}
