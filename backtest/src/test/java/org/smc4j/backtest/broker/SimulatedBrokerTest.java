package org.smc4j.backtest.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.smc4j.backtest.testing.TestBars.T0;
import static org.smc4j.backtest.testing.TestBars.bars;
import static org.smc4j.backtest.testing.TestBars.intent;
import static org.smc4j.backtest.testing.TestBars.ohlc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.testing.TestBars.Recorder;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.AlternativeExit;
import org.smc4j.trading.order.CancelReason;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;
import org.smc4j.trading.order.Trade;

class SimulatedBrokerTest {

  private static final Offset<Double> EPS = within(1e-9);
  private static final double TICK = 0.1;
  // 01:00 UTC: no funding settlement inside the short scenarios.
  private static final long START = T0 + 3_600_000L;

  private final Recorder rec = new Recorder();

  private SimulatedBroker broker(BrokerModels models, Optional<BarArrays> oneMinute) {
    return new SimulatedBroker("TEST", TICK, models, oneMinute, rec);
  }

  private SimulatedBroker broker() {
    return broker(BrokerModels.DEFAULT, Optional.empty());
  }

  private static void feed(SimulatedBroker b, BarArrays bars) {
    for (int i = 0; i < bars.size(); i++) {
      b.onBar(bars, i);
    }
  }

  @Nested
  class MarketEntries {

    @Test
    void shouldFillAtTheNextOpenPlusOneTickWithTakerFee() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      BarArrays bars = bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2));
      feed(b, bars);
      assertThat(b.hasPosition()).isTrue();
      b.finish(bars, 0);

      Trade t = rec.trades.get(0);
      assertThat(t.entryPrice()).isCloseTo(100.1, EPS);
      assertThat(t.entryLiquidity()).isEqualTo(Liquidity.TAKER);
      assertThat(t.entryFee()).isCloseTo(100.1 * 0.0005, EPS);
      assertThat(t.entrySlippage()).isCloseTo(0.1, EPS);
      assertThat(t.entryTime()).isEqualTo(Instant.ofEpochMilli(START));
      // closed at the last close minus one tick
      assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
      assertThat(t.exitPrice()).isCloseTo(100.1, EPS);
    }

    @Test
    void shouldFillAShortAtTheOpenMinusOneTick() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.SHORT, EntryKind.MARKET_NEXT_OPEN, 100, 101, 97, START));
      feed(
          b,
          bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2), ohlc(100.2, 101.2, 100, 101)));
      Trade t = rec.trades.get(0);
      assertThat(t.entryPrice()).isCloseTo(99.9, EPS);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(t.exitPrice()).isCloseTo(101.1, EPS);
      assertThat(t.grossPnl()).isCloseTo(99.9 - 101.1, EPS);
    }

    @Test
    void shouldFillTheTargetAtTheTargetWhenTheEntryBarOpensBeyondIt() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 101, START));
      feed(b, bars(Timeframe.M5, START, ohlc(101.5, 101.8, 101.2, 101.6)));
      Trade t = rec.trades.get(0);
      assertThat(t.entryPrice()).isCloseTo(101.6, EPS);
      assertThat(t.exitReason()).isEqualTo(ExitReason.TARGET);
      assertThat(t.exitPrice()).isCloseTo(101, EPS);
      assertThat(t.exitLiquidity()).isEqualTo(Liquidity.MAKER);
      assertThat(t.ambiguous()).isFalse();
    }

    @Test
    void shouldFillTheStopAtTheOpenWhenTheEntryBarOpensBeyondIt() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, bars(Timeframe.M5, START, ohlc(98.5, 99.5, 98.2, 99.3)));
      Trade t = rec.trades.get(0);
      assertThat(t.entryPrice()).isCloseTo(98.6, EPS);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_GAP);
      assertThat(t.exitPrice()).isCloseTo(98.4, EPS);
    }
  }

  @Nested
  class AtrSlippage {

    @Test
    void shouldSlipAFractionOfTheAtrKnownAtTheSignalClose() {
      // 14 candles of true range 2 (100 / 101 / 99 / 100): ATR14 = 2 at the 14th close; a market
      // entry on the 15th candle slips 0.25 x 2 = 0.5
      SimulatedBroker b =
          broker(
              BrokerModels.DEFAULT.withSlippage(
                  new org.smc4j.backtest.slippage.AtrSlippageModel(0.25, 1)),
              Optional.empty());
      double[][] rows = new double[15][];
      for (int k = 0; k < rows.length; k++) {
        rows[k] = ohlc(100, 101, 99, 100);
      }
      BarArrays bars = bars(Timeframe.M5, START, rows);
      for (int i = 0; i < 14; i++) {
        b.onBar(bars, i);
      }
      b.submit(
          intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 98, 104, START + 14 * 300_000L));
      b.onBar(bars, 14);
      b.finish(bars, 14);
      Trade t = rec.trades.get(0);
      assertThat(t.entrySlippage()).isCloseTo(0.5, EPS);
      assertThat(t.entryPrice()).isCloseTo(100.5, EPS);
    }

    @Test
    void shouldMeasureTheAtrWithTheModelsPeriod() {
      // Period 3: true ranges 2, 2, 4 (the third candle 100 / 102 / 98 / 100) give ATR 8/3 at the
      // third close; the fourth candle's market entry slips 0.25 x 8/3 = 2/3. With the default
      // period 14 the ATR would not exist yet and the entry would slip the fallback tick.
      SimulatedBroker b =
          broker(
              BrokerModels.DEFAULT.withSlippage(
                  new org.smc4j.backtest.slippage.AtrSlippageModel(0.25, 1, 3)),
              Optional.empty());
      BarArrays bars =
          bars(
              Timeframe.M5,
              START,
              ohlc(100, 101, 99, 100),
              ohlc(100, 101, 99, 100),
              ohlc(100, 102, 98, 100),
              ohlc(100, 101, 99, 100));
      for (int i = 0; i < 3; i++) {
        b.onBar(bars, i);
      }
      b.submit(
          intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 95, 110, START + 3 * 300_000L));
      b.onBar(bars, 3);
      b.finish(bars, 3);
      Trade t = rec.trades.get(0);
      assertThat(t.entrySlippage()).isCloseTo(0.25 * 8 / 3, EPS);
    }
  }

  @Nested
  class Stops {

    @Test
    void shouldFillAStopGappedThroughAtTheOpenMinusSlippage() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2), ohlc(98.5, 99.2, 98, 99)));
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_GAP);
      assertThat(t.exitPrice()).isCloseTo(98.4, EPS);
      assertThat(t.exitLiquidity()).isEqualTo(Liquidity.TAKER);
      assertThat(t.exitFee()).isCloseTo(98.4 * 0.0005, EPS);
      assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(START + 300_000));
    }

    @Test
    void shouldFillAShortsStopGappedUpAtTheOpenPlusSlippage() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.SHORT, EntryKind.MARKET_NEXT_OPEN, 100, 101, 97, START));
      feed(
          b,
          bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2), ohlc(101.5, 102, 101.3, 101.8)));
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_GAP);
      assertThat(t.exitPrice()).isCloseTo(101.6, EPS);
    }

    @Test
    void shouldFillATouchedStopAtTheStopMinusSlippage() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2), ohlc(100, 100.1, 99, 99.5)));
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(t.exitPrice()).isCloseTo(98.9, EPS);
      // realised R against the planned risk of 1.0: (98.9 - 100.1) / 1
      assertThat(t.rGross()).isCloseTo(-1.2, EPS);
      assertThat(t.rNet()).isCloseTo(-1.2 - (100.1 + 98.9) * 0.0005, EPS);
    }
  }

  @Nested
  class Targets {

    @Test
    void shouldNotFillATargetTradedExactlyAtItsPrice() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2), ohlc(100.2, 103, 100, 102)));
      assertThat(rec.trades).isEmpty();
      assertThat(b.hasPosition()).isTrue();
    }

    @Test
    void shouldFillATargetTradedThroughAtTheTargetWithMakerFee() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(
          b,
          bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2), ohlc(100.2, 103.1, 100, 102)));
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.TARGET);
      assertThat(t.exitPrice()).isCloseTo(103, EPS);
      assertThat(t.exitSlippage()).isZero();
      assertThat(t.exitFee()).isCloseTo(103 * 0.0002, EPS);
      assertThat(t.grossPnl()).isCloseTo(2.9, EPS);
      assertThat(t.netPnl()).isCloseTo(2.9 - 100.1 * 0.0005 - 103 * 0.0002, EPS);
    }
  }

  @Nested
  class LimitEntries {

    @Test
    void shouldNotFillALimitTradedExactlyAtItsPrice() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 100.5, 99, 99.5)));
      assertThat(b.hasPosition()).isFalse();
      assertThat(b.pendingEntry()).isPresent();
    }

    @Test
    void shouldFillALimitTradedThroughAtTheLimitWithMakerFeeAndNoSlippage() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      BarArrays bars = bars(Timeframe.M5, START, ohlc(100, 100.5, 98.9, 99.5));
      feed(b, bars);
      assertThat(b.hasPosition()).isTrue();
      b.finish(bars, 0);
      Trade t = rec.trades.get(0);
      assertThat(t.entryPrice()).isCloseTo(99, EPS);
      assertThat(t.entryLiquidity()).isEqualTo(Liquidity.MAKER);
      assertThat(t.entryFee()).isCloseTo(99 * 0.0002, EPS);
      assertThat(t.entrySlippage()).isZero();
    }

    @Test
    void shouldKeepALimitThatIsNeverReachedUntilItExpires() {
      SimulatedBroker b =
          broker(
              BrokerModels.DEFAULT.withExpiry(ExpiryModel.after(Duration.ofMinutes(15))),
              Optional.empty());
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      BarArrays bars =
          bars(
              Timeframe.M5,
              START,
              ohlc(100, 100.5, 99.5, 100),
              ohlc(100, 100.5, 99.5, 100),
              ohlc(100, 100.5, 99.5, 100),
              ohlc(100, 100.5, 98, 100));
      feed(b, bars);
      // bars at +0, +5, +10 leave it pending; the bar opening at +15 min is past the expiry
      assertThat(rec.cancels).hasSize(1);
      assertThat(rec.cancels.get(0).reason()).isEqualTo(CancelReason.EXPIRED);
      assertThat(rec.cancels.get(0).time()).isEqualTo(Instant.ofEpochMilli(START + 900_000));
      assertThat(b.hasPosition()).isFalse();
      assertThat(rec.trades).isEmpty();
    }

    @Test
    void shouldNeverExpireMarketOrdersUnderTheDefaultExpiry() {
      OrderIntent market = intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START);
      assertThat(ExpiryModel.DEFAULT.expiresAtMillis(market)).isEmpty();
      OrderIntent limit = intent(2, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START);
      assertThat(ExpiryModel.DEFAULT.expiresAtMillis(limit)).hasValue(START + 12 * 3_600_000L);
    }

    @Test
    void shouldCancelALimitWhenPriceReachesTheTargetBeforeItFills() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 102, 99.5, 101)));
      assertThat(rec.cancels)
          .singleElement()
          .extracting(OrderCancellation::reason)
          .isEqualTo(CancelReason.TARGET_REACHED_BEFORE_FILL);
      assertThat(b.pendingEntry()).isEmpty();
    }

    @Test
    void shouldCancelALimitWhenTheBarOpensAtTheTarget() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.SHORT, EntryKind.LIMIT, 101, 102, 98, START));
      feed(b, bars(Timeframe.M5, START, ohlc(98, 101.5, 97.5, 99)));
      assertThat(rec.cancels)
          .singleElement()
          .extracting(OrderCancellation::reason)
          .isEqualTo(CancelReason.TARGET_REACHED_BEFORE_FILL);
      assertThat(rec.trades).isEmpty();
    }

    @Test
    void shouldIgnoreATargetAloneOnTheLimitFillBarWithoutOneMinuteData() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 102.5, 98.9, 101), ohlc(101, 101.5, 100.5, 101)));
      assertThat(rec.trades).isEmpty();
      assertThat(rec.cancels).isEmpty();
      assertThat(b.hasPosition()).isTrue();
    }

    @Test
    void shouldCountATargetOnTheLimitFillBarWhenOneMinuteDataShowsItAfterTheFill() {
      BarArrays minutes =
          bars(
              Timeframe.M1,
              START,
              ohlc(100, 100.2, 98.9, 99.5),
              ohlc(99.5, 102.5, 99.4, 102),
              ohlc(102, 102.1, 101, 101),
              ohlc(101, 101.2, 100.8, 101),
              ohlc(101, 101.1, 100.9, 101));
      SimulatedBroker b = broker(BrokerModels.DEFAULT, Optional.of(minutes));
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 102.5, 98.9, 101)));
      Trade t = rec.trades.get(0);
      assertThat(t.entryTime()).isEqualTo(Instant.ofEpochMilli(START));
      assertThat(t.exitReason()).isEqualTo(ExitReason.TARGET);
      assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(START + 60_000));
      assertThat(t.ambiguous()).isFalse();
    }

    @Test
    void shouldCancelTheLimitWhenOneMinuteDataShowsTheTargetBeforeTheFill() {
      BarArrays minutes =
          bars(
              Timeframe.M1,
              START,
              ohlc(100, 102.5, 99.9, 102),
              ohlc(102, 102.1, 98.9, 99.5),
              ohlc(99.5, 100, 99.2, 100),
              ohlc(100, 101, 99.8, 101),
              ohlc(101, 101.1, 100.9, 101));
      SimulatedBroker b = broker(BrokerModels.DEFAULT, Optional.of(minutes));
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 102.5, 98.9, 101)));
      assertThat(rec.trades).isEmpty();
      assertThat(rec.cancels)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.reason()).isEqualTo(CancelReason.TARGET_REACHED_BEFORE_FILL);
                assertThat(c.time()).isEqualTo(Instant.ofEpochMilli(START));
              });
    }

    @Test
    void shouldCountAStopOnTheLimitFillBar() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 100.2, 97.5, 98)));
      Trade t = rec.trades.get(0);
      assertThat(t.entryPrice()).isCloseTo(99, EPS);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(t.exitPrice()).isCloseTo(97.9, EPS);
      assertThat(t.ambiguous()).isFalse();
    }

    @Test
    void shouldTreatALimitWhoseBarOpensThroughItAsFilledAtTheOpenTime() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 100, START));
      // opens below the limit: filled at the limit (no price improvement), then the target counts
      feed(b, bars(Timeframe.M5, START, ohlc(98.8, 100.5, 98.5, 100)));
      Trade t = rec.trades.get(0);
      assertThat(t.entryPrice()).isCloseTo(99, EPS);
      assertThat(t.exitReason()).isEqualTo(ExitReason.TARGET);
    }

    @Test
    void shouldCancelAPendingLimitWhenItsPoiDies() {
      SimulatedBroker b = broker();
      assertThat(b.hasPendingEntryFrom("poi-7")).isFalse();
      b.submit(intent(7, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      assertThat(b.hasPendingEntryFrom("poi-7")).isTrue();
      assertThat(b.hasPendingEntryFrom("poi-8")).isFalse();
      assertThat(b.cancelPendingForPoi("poi-8", Instant.ofEpochMilli(START), "other")).isFalse();
      assertThat(
              b.cancelPendingForPoi(
                  "poi-7", Instant.ofEpochMilli(START), "15m close below leg start"))
          .isTrue();
      assertThat(rec.cancels)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.reason()).isEqualTo(CancelReason.POI_DIED);
                assertThat(c.detail()).isEqualTo("15m close below leg start");
              });
      assertThat(b.pendingEntry()).isEmpty();
      assertThat(b.hasPendingEntryFrom("poi-7")).isFalse();
    }
  }

  @Nested
  class SameBarStopAndTarget {

    private final BarArrays fiveMinute =
        bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2), ohlc(100.2, 103.5, 98.8, 101));

    @Test
    void shouldAssumeTheStopFirstAndFlagTheTradeWithoutOneMinuteData() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, fiveMinute);
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(t.exitPrice()).isCloseTo(98.9, EPS);
      assertThat(t.ambiguous()).isTrue();
      AlternativeExit alt = t.optimisticExit().orElseThrow();
      assertThat(alt.price()).isCloseTo(103, EPS);
      assertThat(alt.fee()).isCloseTo(103 * 0.0002, EPS);
      assertThat(t.optimisticNetPnl()).isCloseTo(103 - 100.1 - 100.1 * 0.0005 - 103 * 0.0002, EPS);
      assertThat(t.netPnl()).isLessThan(t.optimisticNetPnl());
    }

    @Test
    void shouldTakeTheTargetWhenOneMinuteDataShowsItFirst() {
      long bar1 = START + 300_000;
      BarArrays minutes =
          bars(
              Timeframe.M1,
              bar1,
              ohlc(100.2, 103.5, 100.1, 103),
              ohlc(103, 103.1, 98.8, 99),
              ohlc(99, 100, 99, 100),
              ohlc(100, 101, 99.9, 101),
              ohlc(101, 101.1, 100.9, 101));
      SimulatedBroker b = broker(BrokerModels.DEFAULT, Optional.of(minutes));
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, fiveMinute);
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.TARGET);
      assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(bar1));
      assertThat(t.ambiguous()).isFalse();
      assertThat(t.optimisticExit()).isEmpty();
    }

    @Test
    void shouldTakeTheStopWhenOneMinuteDataShowsItFirst() {
      long bar1 = START + 300_000;
      BarArrays minutes =
          bars(
              Timeframe.M1,
              bar1,
              ohlc(100.2, 100.3, 98.8, 99),
              ohlc(99, 103.5, 99, 103),
              ohlc(103, 103, 101, 101),
              ohlc(101, 101, 100.9, 101),
              ohlc(101, 101.1, 100.9, 101));
      SimulatedBroker b = broker(BrokerModels.DEFAULT, Optional.of(minutes));
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, fiveMinute);
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(t.ambiguous()).isFalse();
    }

    @Test
    void shouldStayAmbiguousWhenBothFallInOneMinute() {
      long bar1 = START + 300_000;
      BarArrays minutes =
          bars(
              Timeframe.M1,
              bar1,
              ohlc(100.2, 103.5, 98.8, 101),
              ohlc(101, 101, 100, 100),
              ohlc(100, 101, 100, 101),
              ohlc(101, 101, 100.9, 101),
              ohlc(101, 101.1, 100.9, 101));
      SimulatedBroker b = broker(BrokerModels.DEFAULT, Optional.of(minutes));
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, fiveMinute);
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(t.ambiguous()).isTrue();
    }

    @Test
    void shouldFallBackToStopFirstWhenTheOneMinuteDataDoesNotCoverTheBar() {
      long bar1 = START + 300_000;
      // only four of the five minutes
      BarArrays minutes =
          bars(
              Timeframe.M1,
              bar1,
              ohlc(100.2, 103.5, 100.1, 103),
              ohlc(103, 103.1, 98.8, 99),
              ohlc(99, 100, 99, 100),
              ohlc(100, 101, 99.9, 101));
      SimulatedBroker b = broker(BrokerModels.DEFAULT, Optional.of(minutes));
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, fiveMinute);
      assertThat(rec.trades.get(0).ambiguous()).isTrue();
    }

    @Test
    void shouldFlagStopAndTargetOnTheLimitFillBarAsAmbiguous() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 102.5, 97.5, 100)));
      Trade t = rec.trades.get(0);
      assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
      assertThat(t.ambiguous()).isTrue();
    }
  }

  @Nested
  class Funding {

    // 23:50 and 23:55 on 2024-12-31, then 00:00 (a settlement), then 00:05
    private final long start = T0 - 600_000;
    private final BarArrays acrossMidnight =
        bars(
            Timeframe.M5,
            start,
            ohlc(100, 100.5, 99.5, 100.2),
            ohlc(100.2, 100.6, 99.9, 100.4),
            ohlc(101, 101.2, 100.4, 100.8),
            ohlc(100.8, 101, 100.5, 100.9));

    private Trade run(Side side, double rate) {
      SimulatedBroker b =
          broker(
              BrokerModels.DEFAULT.withFunding(new ConstantFundingModel(rate)), Optional.empty());
      double stop = side == Side.LONG ? 90 : 110;
      double target = side == Side.LONG ? 110 : 90;
      b.submit(intent(1, side, EntryKind.MARKET_NEXT_OPEN, 100, stop, target, start));
      feed(b, acrossMidnight);
      b.finish(acrossMidnight, acrossMidnight.size() - 1);
      return rec.trades.get(0);
    }

    @Test
    void shouldChargeALongAPositiveRateOnTheNotionalAtTheSettlementOpen() {
      Trade t = run(Side.LONG, 0.0001);
      assertThat(t.fundingSettlements()).isEqualTo(1);
      assertThat(t.funding()).isCloseTo(101 * 0.0001, EPS);
      assertThat(t.netPnl()).isCloseTo(t.grossPnl() - t.fees() - 101 * 0.0001, EPS);
    }

    @Test
    void shouldPayAShortAPositiveRate() {
      Trade t = run(Side.SHORT, 0.0001);
      assertThat(t.funding()).isCloseTo(-101 * 0.0001, EPS);
    }

    @Test
    void shouldPayALongANegativeRate() {
      Trade t = run(Side.LONG, -0.0002);
      assertThat(t.funding()).isCloseTo(-101 * 0.0002, EPS);
    }

    @Test
    void shouldChargeAShortANegativeRate() {
      Trade t = run(Side.SHORT, -0.0002);
      assertThat(t.funding()).isCloseTo(101 * 0.0002, EPS);
    }

    @Test
    void shouldChargeNothingForAFillAtTheOpenOfTheSettlementBar() {
      // 97 flat bars from 00:00: the fill is at the 00:00 open, the first charge is at 08:00
      double[][] rows = new double[97][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = ohlc(100, 100.5, 99.5, 100);
      }
      rows[96] = ohlc(102, 102.5, 101.5, 102);
      BarArrays bars = bars(Timeframe.M5, T0, rows);
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 90, 110, T0));
      for (int i = 0; i < 96; i++) {
        b.onBar(bars, i);
      }
      b.finish(bars, 95);
      Trade beforeEight = rec.trades.get(0);
      assertThat(beforeEight.entryTime()).isEqualTo(Instant.ofEpochMilli(T0));
      assertThat(beforeEight.fundingSettlements()).isZero();
      assertThat(beforeEight.funding()).isZero();

      SimulatedBroker again = broker();
      again.submit(intent(2, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 90, 110, T0));
      feed(again, bars);
      again.finish(bars, 96);
      Trade t = rec.trades.get(1);
      assertThat(t.fundingSettlements()).isEqualTo(1);
      assertThat(t.funding()).isCloseTo(102 * 0.0001, EPS);
    }
  }

  @Nested
  class OnePositionPerSymbol {

    @Test
    void shouldRejectASignalWhileAPositionIsOpen() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2)));
      Submission s =
          b.submit(intent(2, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START + 300_000));
      assertThat(s.accepted()).isFalse();
      assertThat(s.rejection())
          .hasValueSatisfying(
              r ->
                  assertThat(r)
                      .startsWith("one position per symbol: TEST holds a LONG position since ")
                      .contains("(plan 1)"));
    }

    @Test
    void shouldRejectASignalWhileAnEntryIsPending() {
      SimulatedBroker b = broker();
      assertThat(b.submit(intent(1, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START)).accepted())
          .isTrue();
      Submission s = b.submit(intent(2, Side.LONG, EntryKind.LIMIT, 99, 98, 102, START));
      assertThat(s.rejection())
          .hasValue(
              "one position per symbol: TEST has a pending LIMIT entry since "
                  + Instant.ofEpochMilli(START)
                  + " (plan 1)");
    }

    @Test
    void shouldAcceptASignalAfterThePositionClosedOnTheSignalBar() {
      SimulatedBroker b = broker();
      b.submit(intent(1, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START));
      feed(b, bars(Timeframe.M5, START, ohlc(100, 100.5, 98.5, 99)));
      assertThat(rec.trades).hasSize(1);
      assertThat(
              b.submit(
                      intent(
                          2, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 99, 98, 101, START + 300_000))
                  .accepted())
          .isTrue();
    }
  }

  @Nested
  class Validation {

    @Test
    void shouldRejectAPlanForAnotherSymbol() {
      SimulatedBroker b =
          new SimulatedBroker("BTCUSDT", TICK, BrokerModels.DEFAULT, Optional.empty(), rec);
      assertThatThrownBy(
              () -> b.submit(intent(3, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("intent 3 is for TEST, broker is BTCUSDT");
    }

    @Test
    void shouldRejectANonPositiveTickSize() {
      assertThatThrownBy(
              () -> new SimulatedBroker("TEST", 0, BrokerModels.DEFAULT, Optional.empty(), rec))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("tickSize must be finite and > 0, was 0.0");
    }

    @Test
    void shouldRejectIntrabarCandlesThatAreNotOneMinute() {
      BarArrays fiveMinute = bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2));
      assertThatThrownBy(
              () ->
                  new SimulatedBroker(
                      "TEST", TICK, BrokerModels.DEFAULT, Optional.of(fiveMinute), rec))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("oneMinute candles must have timeframe 1m, was 5m");
    }

    @Test
    void shouldRejectCandlesOutOfOrder() {
      SimulatedBroker b = broker();
      BarArrays bars = bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2));
      b.onBar(bars, 0);
      assertThatThrownBy(() -> b.onBar(bars, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "TEST: candle "
                  + Instant.ofEpochMilli(START)
                  + " is not after the previous candle "
                  + Instant.ofEpochMilli(START));
    }

    @Test
    void shouldRejectAPlanOlderThanTheLastClose() {
      SimulatedBroker b = broker();
      b.onBar(bars(Timeframe.M5, START, ohlc(100, 100.5, 99.5, 100.2)), 0);
      assertThatThrownBy(
              () -> b.submit(intent(4, Side.LONG, EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "intent 4 signalled at "
                  + Instant.ofEpochMilli(START)
                  + " is older than the last close fed in, "
                  + Instant.ofEpochMilli(START + 300_000));
    }
  }
}
