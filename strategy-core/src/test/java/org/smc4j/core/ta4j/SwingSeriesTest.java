package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.structure.SwingType;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

class SwingSeriesTest {

  /** 2025-01-01T00:00Z. */
  private static final Instant T0 = Instant.ofEpochMilli(1_735_689_600_000L);

  private static final Duration HOUR = Duration.ofHours(1);

  private static BarSeries series() {
    return new BaseBarSeriesBuilder()
        .withName("test")
        .withNumFactory(DoubleNumFactory.getInstance())
        .build();
  }

  private static void add(BarSeries s, Duration period, int index, double high, double low) {
    Instant begin = T0.plus(period.multipliedBy(index));
    s.addBar(
        s.barBuilder()
            .timePeriod(period)
            .beginTime(begin)
            .endTime(begin.plus(period))
            .openPrice(low)
            .highPrice(high)
            .lowPrice(low)
            .closePrice(high)
            .volume(1)
            .build());
  }

  /** Hourly bars, to show that any timeframe works. */
  private static BarSeries hourly(double[] highs, double[] lows) {
    BarSeries s = series();
    for (int i = 0; i < highs.length; i++) {
      add(s, HOUR, i, highs[i], lows[i]);
    }
    return s;
  }

  @Test
  void shouldShowASwingHighFromTheBarThatConfirmsItNotAtThePivot() {
    // highs 10 11 13 12 12 11: the pivot is bar 2 (13 > 11, 10; 13 >= 12, 12), known at bar 4
    BarSeries s = hourly(new double[] {10, 11, 13, 12, 12, 11}, new double[] {9, 9, 9, 9, 9, 9});
    SwingSeries swings = SwingSeries.of(s, 2, 2);
    SwingPointIndicator high = SwingPointIndicator.high(swings);
    for (int i = 0; i < 4; i++) {
      assertThat(high.getValue(i).isNaN()).as("bar %d", i).isTrue();
      assertThat(high.hasValue(i)).as("bar %d", i).isFalse();
      assertThat(high.swingAt(i)).as("bar %d", i).isEmpty();
    }
    assertThat(high.getValue(4).doubleValue()).isEqualTo(13);
    assertThat(high.getValue(5).doubleValue()).isEqualTo(13);
    assertThat(high.swingAt(5))
        .contains(
            new SwingPointEvent(
                Timeframe.H1,
                SwingType.HIGH,
                13,
                2,
                T0.plus(HOUR.multipliedBy(2)).toEpochMilli(),
                4,
                T0.plus(HOUR.multipliedBy(5)).toEpochMilli(),
                4));
    assertThat(high.timeframe()).isEqualTo(Timeframe.H1);
    assertThat(high.getCountOfUnstableBars()).isEqualTo(4);
    assertThat(high.getBarSeries()).isSameAs(s);
  }

  @Test
  void shouldRequireStrictlyLowerBarsOnTheLeftAndAllowEqualOnesOnTheRight() {
    // lows 9 8 7 7 8 9: bar 2 has an equal low on its right (allowed), so it is a swing low, known
    // at bar 4; bar 3 has an equal low on its left (not allowed), so it is none
    BarSeries s = hourly(new double[] {20, 20, 20, 20, 20, 20}, new double[] {9, 8, 7, 7, 8, 9});
    SwingPointIndicator low = SwingPointIndicator.low(s, 2, 2);
    assertThat(low.hasValue(3)).isFalse();
    assertThat(low.swingAt(4).map(SwingPointEvent::originIndex)).contains(2);
    assertThat(low.getValue(5).doubleValue()).isEqualTo(7);
  }

  @Test
  void shouldReadTheSeriesOnlyUpToTheIndexAskedForAndBarsAppendedLater() {
    BarSeries s = series();
    double[] highs = {10, 11, 13, 12, 12, 11, 14, 15};
    for (int i = 0; i < 5; i++) {
      add(s, HOUR, i, highs[i], 1);
    }
    SwingSeries swings = SwingSeries.of(s, 2, 2);
    SwingPointIndicator high = SwingPointIndicator.high(swings);
    assertThat(swings.processedIndex()).isEqualTo(-1);
    assertThatThrownBy(swings::timeframe)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no bar of series 'test' read yet");
    assertThat(high.hasValue(1)).isFalse();
    assertThat(swings.processedIndex()).isEqualTo(1);
    assertThat(high.getValue(4).doubleValue()).isEqualTo(13);
    for (int i = 5; i < highs.length; i++) {
      add(s, HOUR, i, highs[i], 1);
    }
    assertThat(swings.processedIndex()).isEqualTo(4);
    assertThat(high.getValue(7).doubleValue()).isEqualTo(13);
    assertThat(swings.processedIndex()).isEqualTo(7);
  }

  @Test
  void shouldRefuseIndicesOutsideTheSeries() {
    BarSeries s = hourly(new double[] {10, 11}, new double[] {9, 9});
    SwingPointIndicator high = SwingPointIndicator.high(s, 2, 2);
    assertThatThrownBy(() -> high.getValue(2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("series index 2 lies beyond the last bar of the series, 1");
    assertThatThrownBy(() -> high.getValue(-1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("series index must be >= 0, was -1");
  }

  @Test
  void shouldRefuseABarReplacedAfterItWasRead() {
    BarSeries s = hourly(new double[] {10, 11}, new double[] {9, 9});
    SwingSeries swings = SwingSeries.of(s, 2, 2);
    swings.advanceTo(1);
    Instant begin = T0.plus(HOUR);
    s.addBar(
        s.barBuilder()
            .timePeriod(HOUR)
            .beginTime(begin)
            .endTime(begin.plus(HOUR))
            .openPrice(10)
            .highPrice(12)
            .lowPrice(9)
            .closePrice(11)
            .volume(2)
            .build(),
        true);
    add(s, HOUR, 2, 11, 9);
    assertThatThrownBy(() -> swings.advanceTo(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "bar 1 was replaced after the swing detector read it; feed closed candles only");
  }

  @Test
  void shouldRefuseBarsRemovedBeforeTheyWereRead() {
    BarSeries s = series();
    s.setMaximumBarCount(3);
    add(s, HOUR, 0, 10, 9);
    SwingSeries swings = SwingSeries.of(s, 2, 2);
    swings.advanceTo(0);
    for (int i = 1; i < 6; i++) {
      add(s, HOUR, i, 10, 9);
    }
    assertThatThrownBy(() -> swings.advanceTo(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "bars 1..2 were removed from the series (maximum bar count) before the swing detector"
                + " read them");
  }

  @Test
  void shouldRefuseAHighBelowTheLowNamingTheSeriesIndex() {
    BarSeries s = hourly(new double[] {10, 8}, new double[] {9, 9});
    assertThatThrownBy(() -> SwingSeries.of(s, 2, 2).advanceTo(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series index 1 (2025-01-01T01:00:00Z): high 8.0 < low 9.0");
  }

  @Test
  void shouldRefuseANonFinitePrice() {
    BarSeries s = hourly(new double[] {10, Double.NaN}, new double[] {9, 9});
    assertThatThrownBy(() -> SwingSeries.of(s, 2, 2).advanceTo(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series index 1 (2025-01-01T01:00:00Z): high NaN and low 9.0 must be finite");
  }

  @Test
  void shouldRefuseABarOfAnotherPeriod() {
    BarSeries s = hourly(new double[] {10}, new double[] {9});
    add(s, Duration.ofMinutes(30), 3, 10, 9);
    assertThatThrownBy(() -> SwingSeries.of(s, 2, 2).advanceTo(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "series index 1 (2025-01-01T01:30:00Z): bar period must be PT1H (the first bar's), was"
                + " PT30M");
  }

  @Test
  void shouldRefuseLookbacksBelowOne() {
    BarSeries s = series();
    assertThatThrownBy(() -> SwingSeries.of(s, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("left must be >= 1, was 0");
    assertThatThrownBy(() -> SwingPointIndicator.low(s, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("right must be >= 1, was 0");
  }
}
