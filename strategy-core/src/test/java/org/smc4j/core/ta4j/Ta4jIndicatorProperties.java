package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyRun;
import org.smc4j.core.testing.CandleAggregation;
import org.smc4j.core.testing.RandomCandles;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * The ta4j adapters on random markets: every indicator returns exactly what the primitive engine's
 * events define (with {@code DoubleNum} and {@code DecimalNum} series), and values never depend on
 * later bars: on a series grown bar by bar, and on a prefix sub-series, they equal those of the
 * full series; supplying the 15m bars as a second series gives the same values as deriving them.
 */
class Ta4jIndicatorProperties {

  @Provide
  Arbitrary<BarArrays> markets() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(600, 1200))
        .as(RandomCandles::generate);
  }

  /**
   * {@code DoubleNum}, {@code DecimalNum} with 32 digits (every double's shortest decimal fits) and
   * ta4j's default {@code DecimalNum} (16 digits, which rounds computed prices such as Fibonacci
   * levels: there the adapter must equal the factory's conversion of the engine's double).
   */
  @Provide
  Arbitrary<NumFactory> factories() {
    return Arbitraries.of(
        DoubleNumFactory.getInstance(),
        DecimalNumFactory.getInstance(32),
        DecimalNumFactory.getInstance());
  }

  @Property(tries = 40, seed = "20250201")
  @StatisticsReport(onFailureOnly = true)
  void everyIndicatorEqualsThePrimitivePath(
      @ForAll("markets") BarArrays bars, @ForAll("factories") NumFactory f) {
    boolean exact = f.numOf(0.1 + 0.2).doubleValue() == 0.1 + 0.2;
    BarSeries series = BarSeriesFactory.of(bars, "random", f);
    StrategySeries smc = StrategySeries.of(series, StrategyConfig.DEFAULT, RandomCandles.TICK);
    StrategyRun run = StrategyEngine.run(bars, StrategyConfig.DEFAULT, RandomCandles.TICK);
    int withValue = 0;
    for (IndicatorProbes.Probe p : IndicatorProbes.probes(smc, run, bars.size())) {
      boolean any = false;
      for (int i = 0; i < bars.size(); i++) {
        Num v = p.indicator().getValue(i);
        if (p.expected()[i].isEmpty()) {
          assertThat(v.isNaN()).as("%s at %d: %s", p.name(), i, v).isTrue();
          assertThat(hasValue(p.indicator(), i)).as("%s at %d", p.name(), i).isFalse();
        } else {
          double want = p.expected()[i].getAsDouble();
          assertThat(v.isEqual(f.numOf(want))).as("%s at %d: %s", p.name(), i, v).isTrue();
          if (exact) {
            assertThat(v.doubleValue()).as("%s at %d", p.name(), i).isEqualTo(want);
          }
          assertThat(hasValue(p.indicator(), i)).as("%s at %d", p.name(), i).isTrue();
          any = true;
        }
      }
      withValue += any ? 1 : 0;
      Statistics.label(p.name()).collect(any);
    }
    assertThat(smc.eventsKnownAt(bars.size() - 1)).isEqualTo(run.events());
    Statistics.label("indicators with a value").collect(withValue);
    Statistics.label("EntrySignalIndicator[LONG]")
        .coverage(c -> c.check(true).percentage(p -> p >= 15));
    Statistics.label("EntrySignalIndicator[SHORT]")
        .coverage(c -> c.check(true).percentage(p -> p >= 15));
    Statistics.label("PointOfInterestIndicator[TOP]")
        .coverage(c -> c.check(true).percentage(p -> p >= 80));
  }

  @Property(tries = 25, seed = "20250202")
  void valuesOnAGrowingSeriesAndOnAPrefixEqualTheFullSeries(
      @ForAll("markets") BarArrays bars, @ForAll @DoubleRange(min = 0, max = 1) double cut) {
    int n = bars.size();
    NumFactory f = DoubleNumFactory.getInstance();
    StrategySeries full =
        StrategySeries.of(BarSeriesFactory.of(bars, "full", f), StrategyConfig.DEFAULT, 0.01);
    List<Indicator<Num>> all = IndicatorProbes.indicators(full);
    // the full series' adapter has read every bar before any value is compared
    all.forEach(ind -> ind.getValue(n - 1));
    assertThat(full.processedIndex()).isEqualTo(n - 1);

    BarSeries growing = new BaseBarSeriesBuilder().withName("growing").withNumFactory(f).build();
    StrategySeries live = StrategySeries.of(growing, StrategyConfig.DEFAULT, 0.01);
    List<Indicator<Num>> liveAll = IndicatorProbes.indicators(live);
    List<List<Num>> seen = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      BarSeriesFactory.append(growing, bars, k, k + 1);
      List<Num> row = new ArrayList<>();
      for (int j = 0; j < all.size(); j++) {
        Num v = liveAll.get(j).getValue(k);
        assertThat(IndicatorProbes.same(v, all.get(j).getValue(k)))
            .as(
                "%s at %d on the growing series: %s vs %s",
                all.get(j), k, v, all.get(j).getValue(k))
            .isTrue();
        row.add(v);
      }
      seen.add(row);
      assertThat(live.processedIndex()).as("never reads ahead of the bar asked for").isEqualTo(k);
    }
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < all.size(); j++) {
        assertThat(IndicatorProbes.same(liveAll.get(j).getValue(k), seen.get(k).get(j)))
            .as("%s at %d is never revised", all.get(j), k)
            .isTrue();
      }
    }

    int m = Math.max(1, (int) Math.round(cut * n));
    StrategySeries prefix =
        StrategySeries.of(full.barSeries().getSubSeries(0, m), StrategyConfig.DEFAULT, 0.01);
    List<Indicator<Num>> prefixAll = IndicatorProbes.indicators(prefix);
    for (int k = m - 1; k >= 0; k--) {
      for (int j = 0; j < all.size(); j++) {
        assertThat(IndicatorProbes.same(prefixAll.get(j).getValue(k), all.get(j).getValue(k)))
            .as("%s at %d on the prefix of %d bars", all.get(j), k, m)
            .isTrue();
      }
    }
  }

  @Property(tries = 20, seed = "20250203")
  void suppliedFifteenMinuteBarsGiveTheValuesOfDerivedOnesAlsoWhenBothSeriesGrow(
      @ForAll("markets") BarArrays bars) {
    int n = bars.size();
    NumFactory f = DoubleNumFactory.getInstance();
    BarArrays quarters = CandleAggregation.toFifteenMinutes(bars);
    BarSeries five = BarSeriesFactory.of(bars, "5m", f);
    List<Indicator<Num>> derived =
        IndicatorProbes.indicators(StrategySeries.of(five, StrategyConfig.DEFAULT, 0.01));
    List<Indicator<Num>> supplied =
        IndicatorProbes.indicators(
            StrategySeries.withSuppliedContext(
                five,
                BarSeriesFactory.of(quarters, "15m", f),
                StrategyConfig.DEFAULT,
                0.01,
                EnumSet.allOf(StrategyEventKind.class)));

    BarSeries growing5 = new BaseBarSeriesBuilder().withName("5m").withNumFactory(f).build();
    BarSeries growing15 = new BaseBarSeriesBuilder().withName("15m").withNumFactory(f).build();
    StrategySeries live =
        StrategySeries.withSuppliedContext(
            growing5,
            growing15,
            StrategyConfig.DEFAULT,
            0.01,
            EnumSet.allOf(StrategyEventKind.class));
    List<Indicator<Num>> liveAll = IndicatorProbes.indicators(live);
    int q = 0;
    for (int k = 0; k < n; k++) {
      // a live feed appends the 15m candle before reading the 5m bar that closes with it
      while (q < quarters.size() && quarters.closeTimeMillis(q) <= bars.closeTimeMillis(k)) {
        BarSeriesFactory.append(growing15, quarters, q, q + 1);
        q++;
      }
      BarSeriesFactory.append(growing5, bars, k, k + 1);
      for (int j = 0; j < derived.size(); j++) {
        Num want = derived.get(j).getValue(k);
        assertThat(IndicatorProbes.same(supplied.get(j).getValue(k), want))
            .as("%s at %d with supplied 15m bars", derived.get(j), k)
            .isTrue();
        assertThat(IndicatorProbes.same(liveAll.get(j).getValue(k), want))
            .as("%s at %d with both series growing", derived.get(j), k)
            .isTrue();
      }
    }
  }

  private static boolean hasValue(Indicator<Num> ind, int i) {
    return switch (ind) {
      case SwingPointIndicator s -> s.hasValue(i);
      case BreakOfStructureIndicator b -> b.hasValue(i);
      case FibonacciLevelIndicator l -> l.hasValue(i);
      case FairValueGapIndicator g -> g.hasValue(i);
      case PointOfInterestIndicator p -> p.hasValue(i);
      case EntrySignalIndicator e -> e.hasValue(i);
      default -> throw new IllegalStateException("unknown indicator " + ind);
    };
  }
}
