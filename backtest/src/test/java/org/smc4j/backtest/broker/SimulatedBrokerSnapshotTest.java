package org.smc4j.backtest.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.smc4j.backtest.testing.TestBars;
import org.smc4j.backtest.testing.TestBars.Recorder;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.CancelReason;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderIntent;

class SimulatedBrokerSnapshotTest {

  /** A seeded random walk of 5m candles around 100 (tick 0.01), crossing funding settlements. */
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
      price = close + (r.nextInt(20) == 0 ? r.nextGaussian() * 1.5 : 0);
    }
    return TestBars.bars(Timeframe.M5, TestBars.T0, rows);
  }

  /** The plan submitted after each candle, or null: the same for every run over a seed. */
  private static List<OrderIntent> plans(long seed, BarArrays bars) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    List<OrderIntent> out = new ArrayList<>();
    for (int i = 0; i < bars.size(); i++) {
      if (r.nextInt(4) != 0) {
        out.add(null);
        continue;
      }
      Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
      EntryKind kind = r.nextBoolean() ? EntryKind.LIMIT : EntryKind.MARKET_NEXT_OPEN;
      double c = bars.close(i);
      double entry = kind == EntryKind.LIMIT ? c - side.sign() * 0.3 : c;
      double risk = 0.2 + r.nextDouble();
      out.add(
          TestBars.intent(
              i,
              side,
              kind,
              entry,
              entry - side.sign() * risk,
              entry + side.sign() * 2 * risk,
              bars.closeTimeMillis(i)));
    }
    return out;
  }

  private static void drive(
      SimulatedBroker b, BarArrays bars, List<OrderIntent> plans, int from, int to) {
    for (int i = from; i < to; i++) {
      b.onBar(bars, i);
      if (plans.get(i) != null && b.busyReason("TEST").isEmpty()) {
        b.submit(plans.get(i));
      }
    }
  }

  /**
   * A broker stopped after any candle and restored from its snapshot into a new broker goes on
   * exactly as the uninterrupted one: same trades (funding included) and cancellations.
   */
  @Property(tries = 150)
  void aRestoredBrokerTradesAsTheUninterruptedOne(
      @ForAll long seed,
      @ForAll @IntRange(min = 40, max = 400) int n,
      @ForAll @IntRange(min = 1, max = 399) int cutAt) {
    int cut = Math.min(cutAt, n - 1);
    BarArrays bars = walk(seed, n);
    List<OrderIntent> plans = plans(seed, bars);
    Recorder whole = new Recorder();
    SimulatedBroker a =
        new SimulatedBroker("TEST", 0.01, BrokerModels.DEFAULT, Optional.empty(), whole);
    drive(a, bars, plans, 0, n);

    Recorder parts = new Recorder();
    SimulatedBroker b =
        new SimulatedBroker("TEST", 0.01, BrokerModels.DEFAULT, Optional.empty(), parts);
    drive(b, bars, plans, 0, cut);
    BrokerSnapshot saved = b.snapshot();
    String held =
        saved.pending().isPresent()
            ? "pending"
            : saved.position().isPresent() ? "position" : "flat";
    Statistics.label("held at the cut").collect(held);
    // the cut must often fall on a pending entry and on a position, or the property is vacuous
    Statistics.label("held at the cut")
        .coverage(
            c -> {
              c.check("pending").percentage(p -> p > 10);
              c.check("position").percentage(p -> p > 10);
            });
    SimulatedBroker c =
        new SimulatedBroker("TEST", 0.01, BrokerModels.DEFAULT, Optional.empty(), parts);
    c.restore(saved);
    assertThat(c.snapshot()).isEqualTo(saved);
    drive(c, bars, plans, cut, n);

    assertThat(parts.trades).isEqualTo(whole.trades);
    assertThat(parts.cancels).isEqualTo(whole.cancels);
  }

  @Example
  void cancelPendingAndClosePositionReportTheKillSwitch() {
    BarArrays bars = walk(7, 30);
    Recorder rec = new Recorder();
    SimulatedBroker b =
        new SimulatedBroker("TEST", 0.01, BrokerModels.DEFAULT, Optional.empty(), rec);
    b.onBar(bars, 0);
    double c = bars.close(0);
    b.submit(
        TestBars.intent(
            1, Side.LONG, EntryKind.LIMIT, c - 5, c - 10, c + 10, bars.closeTimeMillis(0)));
    Instant at = Instant.ofEpochMilli(bars.closeTimeMillis(0));

    assertThat(b.cancelPending(at, CancelReason.KILL_SWITCH, "level 2")).isTrue();
    assertThat(b.cancelPending(at, CancelReason.KILL_SWITCH, "level 2")).isFalse();
    assertThat(rec.cancels)
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).isEqualTo(CancelReason.KILL_SWITCH));

    b.submit(
        TestBars.intent(
            2, Side.LONG, EntryKind.MARKET_NEXT_OPEN, c, c - 20, c + 20, bars.closeTimeMillis(0)));
    b.onBar(bars, 1);
    assertThat(b.hasPosition()).isTrue();
    assertThatThrownBy(() -> b.closePosition(bars, 0, ExitReason.KILL_SWITCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("but the last candle fed in opened at");
    assertThat(b.closePosition(bars, 1, ExitReason.KILL_SWITCH)).isTrue();
    assertThat(rec.trades)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.exitReason()).isEqualTo(ExitReason.KILL_SWITCH);
              assertThat(t.exitLiquidity()).isEqualTo(Liquidity.TAKER);
              assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(bars.closeTimeMillis(1)));
            });
    assertThat(b.closePosition(bars, 1, ExitReason.KILL_SWITCH)).isFalse();
  }

  @Example
  void restoreIsRefusedIntoABusyBrokerAndForAnotherSymbol() {
    BarArrays bars = walk(3, 5);
    SimulatedBroker b =
        new SimulatedBroker("TEST", 0.01, BrokerModels.DEFAULT, Optional.empty(), new Recorder());
    b.onBar(bars, 0);
    double c = bars.close(0);
    OrderIntent in =
        TestBars.intent(
            1, Side.LONG, EntryKind.LIMIT, c - 5, c - 10, c + 10, bars.closeTimeMillis(0));
    b.submit(in);
    BrokerSnapshot saved = b.snapshot();

    assertThatThrownBy(() -> b.restore(saved))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TEST: restore into a broker that holds one position per symbol");
    SimulatedBroker other =
        new SimulatedBroker("OTHER", 0.01, BrokerModels.DEFAULT, Optional.empty(), new Recorder());
    assertThatThrownBy(() -> other.restore(saved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan 1 is for TEST, broker is OTHER");
  }

  @Example
  void aSnapshotNeverHoldsBothAPendingEntryAndAPosition() {
    OrderIntent in = TestBars.intent(1, Side.LONG, EntryKind.LIMIT, 100, 90, 120, 0);
    BrokerSnapshot.Holding h =
        new BrokerSnapshot.Holding(
            in, Instant.EPOCH, 100, Liquidity.MAKER, 0.02, 0, 0, 0, Instant.EPOCH);

    assertThatThrownBy(() -> new BrokerSnapshot(Optional.of(in), Optional.of(h)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a broker holds a pending entry or a position, never both: pending plan 1, position of plan 1");
    assertThatThrownBy(
            () ->
                new BrokerSnapshot.Holding(
                    in, Instant.EPOCH, 100, Liquidity.MAKER, -1, 0, 0, 0, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entryFee must be finite and >= 0, was -1.0");
    assertThatThrownBy(
            () ->
                new BrokerSnapshot.Holding(
                    in, Instant.EPOCH, 100, Liquidity.MAKER, 0, 0, Double.NaN, 0, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("funding must be finite, was NaN");
    assertThat(BrokerSnapshot.FLAT.flat()).isTrue();
  }
}
