package org.smc4j.backtest.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.testing.TestBars.Recorder;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Trade;

/**
 * Stop and target inside one 5m candle on real data: Bybit DOGEUSDT 5m candles with the 1m candles
 * of the same days. For each wide 5m candle a long is opened at its open with the stop and the
 * target inside its range, so the 5m candle touches both. Without 1m candles the broker books the
 * stop and flags the trade; with them it must exit where a plain scan of the 1m candles says price
 * got first.
 */
class SameCandleRealDataTest {

  private static final double TICK = 0.00001;
  private static final int CANDLES = 2000;

  @Test
  void shouldResolveSameCandleStopAndTargetLikeAScanOfTheOneMinuteCandles() {
    Path five = SharedData.requireData("bybit-linear/DOGEUSDT/5m/DOGEUSDT_5m.csv");
    Path one = SharedData.requireData("bybit-linear/DOGEUSDT/1m/DOGEUSDT_1m.csv");
    BarArrays m5 = CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(five).bars();
    BarArrays m1 = CandleCsvReader.STRICT.withTimeframe(Timeframe.M1).read(one).bars();
    long[] t1 = m1.openTimeMillisUnsafe();
    int cases = 0;
    int targetsFirst = 0;
    int stopsFirst = 0;
    for (int i = 1; i < Math.min(CANDLES, m5.size()); i++) {
      double o = m5.open(i);
      double h = m5.high(i);
      double l = m5.low(i);
      if (h - o < 20 * TICK || o - l < 20 * TICK) {
        continue;
      }
      double stop = round(o - (o - l) / 2);
      double target = round(o + (h - o) / 2);
      int first = Arrays.binarySearch(t1, m5.openTimeMillis(i));
      if (first < 0 || first + 5 > t1.length || t1[first + 4] != m5.openTimeMillis(i) + 240_000L) {
        continue;
      }
      // an independent scan: the first 1m candle reaching a level decides; skip unclear cases
      // (both levels in one 1m candle, or a 1m candle opening beyond a level)
      int decided = -1;
      boolean targetFirst = false;
      boolean unclear = false;
      for (int m = first; m < first + 5 && decided < 0; m++) {
        boolean stopTouched = m1.low(m) <= stop;
        boolean targetThrough = m1.high(m) > target;
        if ((stopTouched && targetThrough) || m1.open(m) <= stop || m1.open(m) > target) {
          unclear = true;
          break;
        }
        if (stopTouched || targetThrough) {
          decided = m;
          targetFirst = targetThrough;
        }
      }
      if (unclear || decided < 0) {
        continue;
      }
      cases++;

      Trade pessimistic = replay(m5, i, stop, target, Optional.empty());
      assertThat(pessimistic.ambiguous()).as("candle %d", i).isTrue();
      assertThat(pessimistic.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(pessimistic.optimisticExit().orElseThrow().price()).isEqualTo(target);

      Trade resolved = replay(m5, i, stop, target, Optional.of(m1));
      assertThat(resolved.ambiguous()).as("candle %d", i).isFalse();
      assertThat(resolved.exitTime()).isEqualTo(Instant.ofEpochMilli(t1[decided]));
      if (targetFirst) {
        targetsFirst++;
        assertThat(resolved.exitReason()).isEqualTo(ExitReason.TARGET);
        assertThat(resolved.exitPrice()).isEqualTo(target);
        assertThat(resolved.netPnl()).isCloseTo(pessimistic.optimisticNetPnl(), within(1e-12));
      } else {
        stopsFirst++;
        assertThat(resolved.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(resolved.netPnl()).isCloseTo(pessimistic.netPnl(), within(1e-12));
      }
    }
    // both orders occur in the sample, so each branch was exercised
    assertThat(cases).isGreaterThan(20);
    assertThat(targetsFirst).isPositive();
    assertThat(stopsFirst).isPositive();
  }

  private static double round(double price) {
    return Math.rint(price / TICK) * TICK;
  }

  private static Trade replay(
      BarArrays m5, int i, double stop, double target, Optional<BarArrays> oneMinute) {
    Recorder rec = new Recorder();
    SimulatedBroker broker =
        new SimulatedBroker("DOGEUSDT", TICK, BrokerModels.DEFAULT, oneMinute, rec);
    double entry = m5.close(i - 1);
    broker.submit(
        new OrderIntent(
            i,
            "poi-" + i,
            "DOGEUSDT",
            Side.LONG,
            EntryKind.MARKET_NEXT_OPEN,
            entry,
            Math.min(stop, entry - TICK),
            Math.max(target, entry + TICK),
            OptionalDouble.empty(),
            Instant.ofEpochMilli(m5.openTimeMillis(i)),
            1,
            100,
            1,
            Optional.empty()));
    broker.onBar(m5, i);
    assertThat(rec.trades).as("candle %d closes the trade", i).hasSize(1);
    return rec.trades.get(0);
  }
}
