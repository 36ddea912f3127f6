package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.signal.Side;
import org.smc4j.core.structure.Direction;
import org.smc4j.core.testing.RandomCandles;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

class StrategySeriesTest {

  /** 2025-01-01T00:00Z. */
  private static final Instant T0 = Instant.ofEpochMilli(1_735_689_600_000L);

  private static BarSeries series() {
    return new BaseBarSeriesBuilder()
        .withName("test")
        .withNumFactory(DoubleNumFactory.getInstance())
        .build();
  }

  private static void add(BarSeries s, Instant begin, Duration period, double high, double low) {
    double mid = (high + low) / 2;
    s.barBuilder()
        .timePeriod(period)
        .beginTime(begin)
        .endTime(begin.plus(period))
        .openPrice(mid)
        .highPrice(high)
        .lowPrice(low)
        .closePrice(mid)
        .volume(1)
        .add();
  }

  private static void add5m(BarSeries s, int index, double high, double low) {
    add(s, T0.plus(Duration.ofMinutes(5L * index)), Duration.ofMinutes(5), high, low);
  }

  @Test
  void shouldShowASwingHighFromTheBarThatConfirmsItNotAtThePivot() {
    // 5m highs 101, 102, 105, 103, 102: pivot at bar 2 (two lower bars each side, L = R = 2),
    // known at the close of bar 4 = 2 + R
    BarSeries s = series();
    double[] highs = {101, 102, 105, 103, 102, 104};
    for (int i = 0; i < highs.length; i++) {
      add5m(s, i, highs[i], 99);
    }
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    SwingPointIndicator high = SwingPointIndicator.high(smc, Timeframe.M5);
    for (int i = 0; i <= 3; i++) {
      assertThat(high.getValue(i).isNaN()).as("bar %d", i).isTrue();
      assertThat(high.hasValue(i)).isFalse();
    }
    assertThat(high.getValue(4).doubleValue()).isEqualTo(105);
    assertThat(high.swingAt(4).orElseThrow().originIndex()).isEqualTo(2);
    assertThat(high.swingAt(4).orElseThrow().knownAtIndex()).isEqualTo(4);
    assertThat(high.getValue(5).doubleValue()).isEqualTo(105);
    assertThat(high.getCountOfUnstableBars()).isEqualTo(4);
  }

  @Test
  void shouldReadTheSeriesOnlyUpToTheIndexAskedFor() {
    BarSeries s = series();
    for (int i = 0; i < 10; i++) {
      add5m(s, i, 101, 99);
    }
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    assertThat(smc.processedIndex()).isEqualTo(-1);
    SwingPointIndicator.low(smc, Timeframe.M5).getValue(5);
    assertThat(smc.processedIndex()).isEqualTo(5);
    SwingPointIndicator.low(smc, Timeframe.M5).getValue(3);
    assertThat(smc.processedIndex()).isEqualTo(5);
    assertThat(smc.eventsKnownAt(9)).isEmpty();
    assertThat(smc.processedIndex()).isEqualTo(9);
  }

  @Test
  void shouldRefuseAnIndexBeyondTheLastBar() {
    BarSeries s = series();
    add5m(s, 0, 101, 99);
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    assertThatThrownBy(() -> new PointOfInterestIndicator(smc, ZoneEdge.TOP).getValue(1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("series index 1 lies beyond the last bar of the series, 0");
  }

  @Test
  void shouldRefuseANegativeIndexAndOneBeforeTheFirstBarKept() {
    BarSeries s = series();
    s.setMaximumBarCount(2);
    for (int i = 0; i < 4; i++) {
      add5m(s, i, 101, 99);
    }
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    assertThatThrownBy(() -> smc.advanceTo(-1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("series index must be >= 0, was -1");
    assertThatThrownBy(() -> smc.advanceTo(1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("series index 1 lies before the series' first bar, 2");
    smc.advanceTo(3);
    assertThat(smc.processedIndex()).isEqualTo(3);
    assertThatThrownBy(() -> smc.eventsKnownAt(1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("series index 1 lies before the first bar read, 2");
  }

  @Test
  void shouldRefuseABarThatIsNotFiveMinutes() {
    BarSeries s = series();
    add(s, T0, Duration.ofMinutes(15), 101, 99);
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    assertThatThrownBy(() -> smc.advanceTo(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series index 0 (2025-01-01T00:00:00Z): bar period must be PT5M, was PT15M");
  }

  @Test
  void shouldNameTheSeriesIndexOfABarOffTheFiveMinuteGrid() {
    BarSeries s = series();
    add5m(s, 0, 101, 99);
    add(s, T0.plus(Duration.ofMinutes(7)), Duration.ofMinutes(5), 101, 99);
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    assertThatThrownBy(() -> smc.advanceTo(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("series index 1: 5m candle 1 (2025-01-01T00:07:00Z): open time")
        .hasMessageContaining("5m grid");
  }

  @Test
  void shouldRefuseABarReplacedAfterItWasRead() {
    BarSeries s = series();
    add5m(s, 0, 101, 99);
    add5m(s, 1, 101, 99);
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    smc.advanceTo(1);
    // a live feed updating the still-forming candle in place
    Instant begin = T0.plus(Duration.ofMinutes(5));
    s.addBar(
        s.barBuilder()
            .timePeriod(Duration.ofMinutes(5))
            .beginTime(begin)
            .endTime(begin.plus(Duration.ofMinutes(5)))
            .openPrice(100)
            .highPrice(102)
            .lowPrice(99)
            .closePrice(101)
            .volume(2)
            .build(),
        true);
    add5m(s, 2, 101, 99);
    assertThatThrownBy(() -> smc.advanceTo(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bar 1 was replaced after the strategy read it; feed closed candles only");
  }

  @Test
  void shouldRefuseBarsRemovedBeforeTheyWereRead() {
    BarSeries s = series();
    s.setMaximumBarCount(3);
    add5m(s, 0, 101, 99);
    StrategySeries smc = StrategySeries.of(s, StrategyConfig.DEFAULT, 0.01);
    smc.advanceTo(0);
    for (int i = 1; i < 6; i++) {
      add5m(s, i, 101, 99);
    }
    assertThatThrownBy(() -> smc.advanceTo(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "bars 1..2 were removed from the series (maximum bar count) before the strategy read"
                + " them");
  }

  @Test
  void shouldRefuseATimeframeOtherThanFiveOrFifteenMinutes() {
    StrategySeries smc = StrategySeries.of(series(), StrategyConfig.DEFAULT, 0.01);
    assertThatThrownBy(() -> SwingPointIndicator.high(smc, Timeframe.H1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeframe must be 5m or 15m, was 1h");
  }

  @Test
  void shouldRefuseAnIndicatorWhoseEventsAreNotRecorded() {
    StrategySeries swingsOnly =
        StrategySeries.of(
            series(), StrategyConfig.DEFAULT, 0.01, EnumSet.of(StrategyEventKind.SWING_5M));
    assertThatThrownBy(
            () ->
                new FairValueGapIndicator(
                    swingsOnly, Timeframe.M15, Direction.BULLISH, ZoneEdge.TOP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "FairValueGapIndicator[15m BULLISH TOP] needs FVG_15M events, which this"
                + " StrategySeries does not record");
    assertThatThrownBy(() -> swingsOnly.signalAt(0, Side.LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the value needs ENTRY_SIGNAL events, which this StrategySeries does not record");
  }

  @Test
  void shouldGiveTheSameSwingsWhenRecordingOnlySwings() {
    BarArrays bars = RandomCandles.generate(7, 2000);
    BarSeries s = BarSeriesFactory.of(bars, "random", DoubleNumFactory.getInstance());
    StrategySeries all = StrategySeries.of(s, StrategyConfig.DEFAULT, RandomCandles.TICK);
    StrategySeries swings =
        StrategySeries.of(
            s,
            StrategyConfig.DEFAULT,
            RandomCandles.TICK,
            EnumSet.of(StrategyEventKind.SWING_5M, StrategyEventKind.SWING_15M));
    int values = 0;
    for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15)) {
      for (boolean high : new boolean[] {true, false}) {
        SwingPointIndicator a =
            high ? SwingPointIndicator.high(all, tf) : SwingPointIndicator.low(all, tf);
        SwingPointIndicator b =
            high ? SwingPointIndicator.high(swings, tf) : SwingPointIndicator.low(swings, tf);
        for (int i = 0; i < bars.size(); i++) {
          assertThat(IndicatorProbes.same(a.getValue(i), b.getValue(i)))
              .as("%s at %d", a, i)
              .isTrue();
          values += a.hasValue(i) ? 1 : 0;
        }
      }
    }
    assertThat(values).isGreaterThan(4 * 1900);
    assertThat(swings.eventsKnownAt(bars.size() - 1))
        .hasSizeLessThan(all.eventsKnownAt(bars.size() - 1).size())
        .allMatch(e -> e instanceof SwingPointEvent);
  }

  @Test
  void shouldRefuseASuppliedContextBarThatIsNotFifteenMinutes() {
    BarSeries five = series();
    add5m(five, 0, 101, 99);
    add5m(five, 1, 101, 99);
    add5m(five, 2, 101, 99);
    BarSeries context = series();
    add(context, T0, Duration.ofMinutes(5), 101, 99);
    StrategySeries smc =
        StrategySeries.withSuppliedContext(
            five, context, StrategyConfig.DEFAULT, 0.01, EnumSet.allOf(StrategyEventKind.class));
    assertThat(smc.contextSeries()).containsSame(context);
    // the context bar ends at 00:05, so it is read with the first 5m bar
    assertThatThrownBy(() -> smc.advanceTo(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "15m series index 0 (2025-01-01T00:00:00Z): bar period must be PT15M, was PT5M");
  }

  @Test
  void shouldReadASuppliedFifteenMinuteBarOnlyAtTheFiveMinuteCloseWhereItEnds() {
    BarSeries five = series();
    for (int i = 0; i < 4; i++) {
      add5m(five, i, 101, 99);
    }
    BarSeries context = series();
    add(context, T0, Duration.ofMinutes(15), 101, 99);
    add(context, T0.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15), 101, 99);
    StrategySeries smc =
        StrategySeries.withSuppliedContext(
            five, context, StrategyConfig.DEFAULT, 0.01, EnumSet.allOf(StrategyEventKind.class));
    // 5m bar 3 closes at 00:20: the 15m bar ending at 00:30 is not read yet, so it may change
    smc.advanceTo(3);
    context.addBar(quarter(context, T0.plus(Duration.ofMinutes(15)), 102), true);
    add5m(five, 4, 101, 99);
    add5m(five, 5, 101, 99);
    smc.advanceTo(5);
    // read at the 00:30 close: now it may not change any more
    context.addBar(quarter(context, T0.plus(Duration.ofMinutes(15)), 103), true);
    add5m(five, 6, 101, 99);
    assertThatThrownBy(() -> smc.advanceTo(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("15m bar 1 was replaced after the strategy read it; feed closed candles only");
  }

  private static Bar quarter(BarSeries s, Instant begin, double high) {
    return s.barBuilder()
        .timePeriod(Duration.ofMinutes(15))
        .beginTime(begin)
        .endTime(begin.plus(Duration.ofMinutes(15)))
        .openPrice(100)
        .highPrice(high)
        .lowPrice(99)
        .closePrice(100)
        .volume(1)
        .build();
  }
}
