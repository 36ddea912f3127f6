package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.structure.SwingType;
import org.smc4j.core.testing.RandomCandles;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * The swing-only indicators ({@link SwingSeries}) on random markets: at every bar they equal the
 * strategy engine's {@code SWING_5M} events (price, pivot index and time, confirming index and
 * time), for the default and other lookbacks, and on a series grown bar by bar and on prefixes they
 * equal the full series' values without reading ahead.
 */
class SwingSeriesProperties {

  @Provide
  Arbitrary<BarArrays> markets() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(300, 1200))
        .as(RandomCandles::generate);
  }

  @Provide
  Arbitrary<NumFactory> factories() {
    return Arbitraries.of(
        DoubleNumFactory.getInstance(),
        DecimalNumFactory.getInstance(32),
        DecimalNumFactory.getInstance());
  }

  /**
   * The latest 5m swing of a type known at each bar, by a forward sweep over the engine's events
   * (ordered by the 5m bar that reported them).
   */
  static List<Optional<SwingPointEvent>> engineSwings(
      List<StrategyEvent> events, SwingType type, int n) {
    List<Optional<SwingPointEvent>> out = new ArrayList<>(n);
    Optional<SwingPointEvent> latest = Optional.empty();
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (; e < events.size() && events.get(e).knownAt5mIndex() <= i; e++) {
        if (events.get(e) instanceof SwingPointEvent s
            && s.timeframe().equals(Timeframe.M5)
            && s.type() == type) {
          latest = Optional.of(s);
        }
      }
      out.add(latest);
    }
    return out;
  }

  /** Checks both indicators against the engine's swings at every bar, in bar order. */
  static void assertEqualsEngine(
      SwingPointIndicator high, SwingPointIndicator low, List<StrategyEvent> events, int n) {
    for (SwingPointIndicator ind : List.of(high, low)) {
      List<Optional<SwingPointEvent>> want = engineSwings(events, ind.type(), n);
      NumFactory f = ind.getBarSeries().numFactory();
      int withValue = 0;
      for (int i = 0; i < n; i++) {
        Num v = ind.getValue(i);
        Optional<SwingPointEvent> w = want.get(i);
        assertThat(ind.swingAt(i)).as("%s swing at %d", ind, i).isEqualTo(w);
        assertThat(ind.hasValue(i)).as("%s at %d", ind, i).isEqualTo(w.isPresent());
        if (w.isEmpty()) {
          assertThat(v.isNaN()).as("%s at %d: %s", ind, i, v).isTrue();
        } else {
          assertThat(v.isEqual(f.numOf(w.get().price()))).as("%s at %d: %s", ind, i, v).isTrue();
          assertThat(v.doubleValue()).as("%s at %d", ind, i).isEqualTo(w.get().price());
          withValue++;
        }
      }
      assertThat(withValue).as("%s has values", ind).isPositive();
    }
  }

  @Property(tries = 40, seed = "20251201")
  void swingOnlyIndicatorsEqualTheEnginesFiveMinuteSwings(
      @ForAll("markets") BarArrays bars,
      @ForAll("factories") NumFactory f,
      @ForAll @IntRange(min = 1, max = 5) int left,
      @ForAll @IntRange(min = 1, max = 5) int right) {
    StrategyConfig config = StrategyConfig.builder().swing5(left, right).build();
    List<StrategyEvent> events = StrategyEngine.run(bars, config, RandomCandles.TICK).events();
    SwingSeries swings = SwingSeries.of(BarSeriesFactory.of(bars, "random", f), left, right);
    SwingPointIndicator high = SwingPointIndicator.high(swings);
    SwingPointIndicator low = SwingPointIndicator.low(swings);
    assertEqualsEngine(high, low, events, bars.size());
    assertThat(high.getCountOfUnstableBars()).isEqualTo(left + right);
    assertThat(high.timeframe()).isEqualTo(Timeframe.M5);
  }

  @Property(tries = 20, seed = "20251202")
  void swingOnlyIndicatorsEqualTheStrategySeriesSwingIndicatorsAlsoReadBackwards(
      @ForAll("markets") BarArrays bars) {
    BarSeries series = BarSeriesFactory.of(bars, "random", DoubleNumFactory.getInstance());
    StrategySeries smc =
        StrategySeries.of(
            series, StrategyConfig.DEFAULT, 0.01, EnumSet.of(StrategyEventKind.SWING_5M));
    List<SwingPointIndicator> engine =
        List.of(
            SwingPointIndicator.high(smc, Timeframe.M5),
            SwingPointIndicator.low(smc, Timeframe.M5));
    // one detector each (the convenience factories), read from the last bar back to the first,
    // so that every lookup is a search rather than a step
    List<SwingPointIndicator> only =
        List.of(SwingPointIndicator.high(series, 2, 2), SwingPointIndicator.low(series, 2, 2));
    for (int i = bars.size() - 1; i >= 0; i--) {
      for (int j = 0; j < 2; j++) {
        assertThat(only.get(j).swingAt(i))
            .as("%s at %d", only.get(j), i)
            .isEqualTo(engine.get(j).swingAt(i));
        assertThat(IndicatorProbes.same(only.get(j).getValue(i), engine.get(j).getValue(i)))
            .as("%s at %d", only.get(j), i)
            .isTrue();
      }
    }
  }

  @Property(tries = 25, seed = "20251203")
  void valuesOnAGrowingSeriesAndOnAPrefixEqualTheFullSeries(
      @ForAll("markets") BarArrays bars,
      @ForAll @DoubleRange(min = 0, max = 1) double cut,
      @ForAll @IntRange(min = 1, max = 4) int left,
      @ForAll @IntRange(min = 1, max = 4) int right) {
    int n = bars.size();
    NumFactory f = DoubleNumFactory.getInstance();
    SwingSeries full = SwingSeries.of(BarSeriesFactory.of(bars, "full", f), left, right);
    List<SwingPointIndicator> all =
        List.of(SwingPointIndicator.high(full), SwingPointIndicator.low(full));
    full.advanceTo(n - 1);

    BarSeries growing = new BaseBarSeriesBuilder().withName("growing").withNumFactory(f).build();
    SwingSeries live = SwingSeries.of(growing, left, right);
    List<SwingPointIndicator> liveAll =
        List.of(SwingPointIndicator.high(live), SwingPointIndicator.low(live));
    List<List<Num>> seen = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      BarSeriesFactory.append(growing, bars, k, k + 1);
      List<Num> row = new ArrayList<>();
      for (int j = 0; j < 2; j++) {
        Num v = liveAll.get(j).getValue(k);
        assertThat(IndicatorProbes.same(v, all.get(j).getValue(k)))
            .as(
                "%s at %d on the growing series: %s vs %s",
                all.get(j), k, v, all.get(j).getValue(k))
            .isTrue();
        assertThat(liveAll.get(j).swingAt(k)).isEqualTo(all.get(j).swingAt(k));
        row.add(v);
      }
      seen.add(row);
      assertThat(live.processedIndex()).as("never reads ahead of the bar asked for").isEqualTo(k);
    }
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < 2; j++) {
        assertThat(IndicatorProbes.same(liveAll.get(j).getValue(k), seen.get(k).get(j)))
            .as("%s at %d is never revised", all.get(j), k)
            .isTrue();
      }
    }

    int m = Math.max(1, (int) Math.round(cut * n));
    SwingSeries prefix = SwingSeries.of(full.barSeries().getSubSeries(0, m), left, right);
    List<SwingPointIndicator> prefixAll =
        List.of(SwingPointIndicator.high(prefix), SwingPointIndicator.low(prefix));
    for (int k = m - 1; k >= 0; k--) {
      for (int j = 0; j < 2; j++) {
        assertThat(IndicatorProbes.same(prefixAll.get(j).getValue(k), all.get(j).getValue(k)))
            .as("%s at %d on the prefix of %d bars", all.get(j), k, m)
            .isTrue();
        assertThat(prefixAll.get(j).swingAt(k)).isEqualTo(all.get(j).swingAt(k));
      }
    }
  }
}
