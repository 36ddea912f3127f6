package org.smc4j.backtest.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Trade;

/** Hand-built candles and plans for backtest tests. */
public final class TestBars {

  /** 2025-01-01T00:00Z, a funding settlement. */
  public static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  private TestBars() {}

  /**
   * Builds consecutive candles from rows of {@code open, high, low, close}, volume 1.
   *
   * @param timeframe the period
   * @param start the first open time
   * @param rows the candles
   * @return the candle set
   */
  public static BarArrays bars(Timeframe timeframe, long start, double[]... rows) {
    int n = rows.length;
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = start + i * timeframe.millis();
      o[i] = rows[i][0];
      h[i] = rows[i][1];
      l[i] = rows[i][2];
      c[i] = rows[i][3];
      v[i] = 1;
    }
    return BarArrays.of(timeframe, t, o, h, l, c, v);
  }

  /** Returns one candle row. */
  public static double[] ohlc(double open, double high, double low, double close) {
    return new double[] {open, high, low, close};
  }

  /**
   * Returns a plan of 1 contract of 1 unit on {@code TEST}, signalled at {@code signalTime}.
   *
   * @param id the intent and POI id
   * @param side long or short
   * @param kind market or limit
   * @param entry the planned entry
   * @param stop the stop
   * @param target the target
   * @param signalTime the signal close
   * @return the plan
   */
  public static OrderIntent intent(
      long id,
      Side side,
      EntryKind kind,
      double entry,
      double stop,
      double target,
      long signalTime) {
    return new OrderIntent(
        id,
        "poi-" + id,
        "TEST",
        side,
        kind,
        entry,
        stop,
        target,
        OptionalDouble.empty(),
        Instant.ofEpochMilli(signalTime),
        Math.abs(entry - stop),
        1,
        1,
        Optional.empty());
  }

  /** A listener that keeps everything it receives. */
  public static final class Recorder implements BrokerListener {
    /** The closed trades, in order. */
    public final List<Trade> trades = new ArrayList<>();

    /** The cancellations, in order. */
    public final List<OrderCancellation> cancels = new ArrayList<>();

    @Override
    public void onCancel(OrderCancellation cancellation) {
      cancels.add(cancellation);
    }

    @Override
    public void onTrade(Trade trade) {
      trades.add(trade);
    }
  }
}
