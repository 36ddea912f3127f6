package org.smc4j.backtest.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.smc4j.trading.order.Trade;

/**
 * Cumulative net P&amp;L after each trade, in exit-time order, with its drawdown from the running
 * peak (the curve starts at 0 before the first trade).
 *
 * @param points one point per trade
 */
public record EquityCurve(List<EquityCurve.Point> points) {

  /**
   * One point of the curve.
   *
   * @param time the trade's exit time
   * @param equity cumulative net P&amp;L after the trade
   * @param drawdown how far below the running peak (including the start at 0), {@code >= 0}
   * @param equityR cumulative net R after the trade
   * @param drawdownR how far cumulative R is below its running peak, {@code >= 0}
   */
  public record Point(
      Instant time, double equity, double drawdown, double equityR, double drawdownR) {

    /** Validates that the time is given. */
    public Point {
      Objects.requireNonNull(time, "time");
    }
  }

  /** Copies the points. */
  public EquityCurve {
    points = List.copyOf(Objects.requireNonNull(points, "points"));
  }

  /**
   * Builds the curve of some trades.
   *
   * @param trades the trades, in any order
   * @return the curve, ordered by exit time (ties by entry time)
   */
  public static EquityCurve of(List<Trade> trades) {
    List<Trade> sorted = new ArrayList<>(trades);
    sorted.sort(Comparator.comparing(Trade::exitTime).thenComparing(Trade::entryTime));
    List<Point> points = new ArrayList<>(sorted.size());
    double equity = 0;
    double peak = 0;
    double r = 0;
    double peakR = 0;
    for (Trade t : sorted) {
      equity += t.netPnl();
      r += t.rNet();
      peak = Math.max(peak, equity);
      peakR = Math.max(peakR, r);
      points.add(new Point(t.exitTime(), equity, peak - equity, r, peakR - r));
    }
    return new EquityCurve(points);
  }

  /** Returns the largest drawdown in quote currency, 0 without trades. */
  public double maxDrawdown() {
    return points.stream().mapToDouble(Point::drawdown).max().orElse(0);
  }

  /** Returns the largest drawdown in R, 0 without trades. */
  public double maxDrawdownR() {
    return points.stream().mapToDouble(Point::drawdownR).max().orElse(0);
  }
}
