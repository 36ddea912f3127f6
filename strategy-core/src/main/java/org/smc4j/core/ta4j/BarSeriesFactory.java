package org.smc4j.core.ta4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.NumFactory;

/**
 * Copies smc4j candle columns into a ta4j {@link BarSeries}: one ta4j bar per candle, begin time =
 * the candle's open time, end time = its close time, prices and volume converted with the given
 * {@link NumFactory} (the amount is left to ta4j's default, close times volume).
 */
public final class BarSeriesFactory {

  private BarSeriesFactory() {}

  /**
   * Builds a series holding all candles.
   *
   * @param bars the candles (already checked by {@link BarArrays#of})
   * @param name the series name, e.g. the symbol
   * @param numFactory e.g. {@code DoubleNumFactory.getInstance()}
   * @return a new series
   */
  public static BarSeries of(BarArrays bars, String name, NumFactory numFactory) {
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(numFactory, "numFactory");
    BarSeries series = new BaseBarSeriesBuilder().withName(name).withNumFactory(numFactory).build();
    append(series, bars, 0, bars.size());
    return series;
  }

  /**
   * Appends candles {@code from .. to - 1} to a series, as a live feed would.
   *
   * @param series the series, with the same number factory as wanted for the bars
   * @param bars the candles
   * @param from the first candle index
   * @param to one past the last candle index
   * @throws IndexOutOfBoundsException when the range is not inside the candles
   */
  public static void append(BarSeries series, BarArrays bars, int from, int to) {
    Objects.checkFromToIndex(from, to, bars.size());
    Duration period = bars.timeframe().duration();
    NumFactory f = series.numFactory();
    for (int i = from; i < to; i++) {
      series
          .barBuilder()
          .timePeriod(period)
          .beginTime(Instant.ofEpochMilli(bars.openTimeMillis(i)))
          .endTime(Instant.ofEpochMilli(bars.closeTimeMillis(i)))
          .openPrice(f.numOf(bars.open(i)))
          .highPrice(f.numOf(bars.high(i)))
          .lowPrice(f.numOf(bars.low(i)))
          .closePrice(f.numOf(bars.close(i)))
          .volume(f.numOf(bars.volume(i)))
          .add();
    }
  }
}
