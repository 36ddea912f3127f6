package org.smc4j.backtest.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.smc4j.backtest.testing.TestBars;
import org.smc4j.backtest.testing.TestBars.Recorder;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.Trade;

class SimulatedBrokerPropertiesTest {

  /** A seeded random walk of 5m candles around 100 (tick 0.01). */
  private static BarArrays walk(long seed, int n) {
    Random r = new Random(seed);
    double[][] rows = new double[n][];
    double price = 100;
    for (int i = 0; i < n; i++) {
      double open = price;
      double close = Math.max(1, open + r.nextGaussian() * 0.5);
      double high = Math.max(open, close) + Math.abs(r.nextGaussian() * 0.3);
      double low = Math.min(open, close) - Math.abs(r.nextGaussian() * 0.3);
      rows[i] = TestBars.ohlc(open, high, low, close);
      // occasional gaps between candles
      price = close + (r.nextInt(20) == 0 ? r.nextGaussian() * 1.5 : 0);
    }
    return TestBars.bars(Timeframe.M5, TestBars.T0, rows);
  }

  @Property(tries = 200)
  void tradesRespectTheirStopTargetAndTimeline(
      @ForAll long seed, @ForAll @IntRange(min = 20, max = 300) int n) {
    BarArrays bars = walk(seed, n);
    Recorder rec = new Recorder();
    SimulatedBroker b =
        new SimulatedBroker("TEST", 0.01, BrokerModels.DEFAULT, Optional.empty(), rec);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < n; i++) {
      b.onBar(bars, i);
      if (r.nextInt(4) == 0) {
        Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
        EntryKind kind = r.nextBoolean() ? EntryKind.LIMIT : EntryKind.MARKET_NEXT_OPEN;
        double c = bars.close(i);
        double entry = kind == EntryKind.LIMIT ? c - side.sign() * 0.3 : c;
        double risk = 0.2 + r.nextDouble();
        b.submit(
            TestBars.intent(
                i,
                side,
                kind,
                entry,
                entry - side.sign() * risk,
                entry + side.sign() * 2 * risk,
                bars.closeTimeMillis(i)));
      }
    }
    b.finish(bars, n - 1);
    long previousExit = Long.MIN_VALUE;
    for (Trade t : rec.trades) {
      int s = t.side().sign();
      // entries never fill on the signal bar, and one position at a time
      assertThat(t.entryTime()).isAfterOrEqualTo(t.intent().signalTime());
      assertThat(t.entryTime().toEpochMilli()).isGreaterThanOrEqualTo(previousExit);
      previousExit = t.exitTime().toEpochMilli();
      assertThat(t.fees()).isGreaterThanOrEqualTo(0);
      assertThat(t.netPnl())
          .isCloseTo(
              t.grossPnl() - t.fees() - t.funding(), org.assertj.core.api.Assertions.within(1e-9));
      switch (t.exitReason()) {
        case TARGET -> assertThat(t.exitPrice()).isEqualTo(t.intent().target());
        case STOP -> assertThat((t.exitPrice() - t.intent().stop()) * s).isLessThan(0);
        case STOP_GAP -> assertThat((t.exitPrice() - t.intent().stop()) * s).isLessThan(0);
        case END_OF_DATA ->
            assertThat(t.exitTime()).isEqualTo(bars.openTime(n - 1).plusSeconds(300));
      }
      assertThat(t.optimisticNetPnl()).isGreaterThanOrEqualTo(t.netPnl());
    }
  }
}
