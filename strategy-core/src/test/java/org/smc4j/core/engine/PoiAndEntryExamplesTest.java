package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.fib.LegChange;
import org.smc4j.core.fvg.FvgChange;
import org.smc4j.core.poi.PoiDeathReason;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.OrderType;
import org.smc4j.core.signal.Side;
import org.smc4j.core.signal.TriggerType;
import org.smc4j.core.structure.Direction;

/**
 * POI choice, POI deaths and 5m entries on hand-built candles. The common 15m set-up (each 15m
 * candle is three identical 5m candles unless written as single 5m bars):
 *
 * <pre>
 * q0-q13  quiet 101/99/100, ATR 2
 * q14     103 / 100   close 102     swing high 103 (known at q17)
 * q17     103 / 99.5  close 100     lowest low: the leg start
 * q18     106 / 101   close 105.5   bullish BOS of 103; leg 99.5 (q17) -> 106 (q18)
 * q19     110 / 106.5 close 109.5   15m FVG [103, 106.5] over q17..q19; leg end 110
 * q20     109.5 / 105.5 close 107   touches the FVG; half of 99.5..110 is 104.75
 * q21     108 / 104.5 close 105     low 104.5 <= 104.75: leg frozen, POI armed at its close
 * </pre>
 *
 * Zone [101.747, 104.75], golden 103.511; the only leg FVG [103, 106.5] overlaps it in [103,
 * 104.75]: the POI. Armed at 15m bar 21, i.e. at the close of 5m bar 65; the first possible tap is
 * 5m bar 66.
 */
class PoiAndEntryExamplesTest {

  private static Scenario armedPoi() {
    return Scenario.start()
        .warmUp(14)
        .quarter(103, 100, 102)
        .quarter(102, 100, 101)
        .quarter(101.5, 100, 101)
        .quarter(103, 99.5, 100)
        .quarter(106, 101, 105.5)
        .quarter(110, 106.5, 109.5)
        .quarter(109.5, 105.5, 107)
        .quarter(108, 104.5, 105); // 5m bars 63..65; bar 65 closes q21
  }

  @Test
  void shouldArmThePoiAtTheOverlapOfTheLegFvgAndTheZone() {
    StrategyRun run = armedPoi().run();
    List<ImpulseLegEvent> legs = run.eventsOf(ImpulseLegEvent.class);
    assertThat(legs.get(legs.size() - 1).change()).isEqualTo(LegChange.FROZEN_BY_RETRACEMENT);
    List<PoiArmedEvent> armed = run.eventsOf(PoiArmedEvent.class);
    assertThat(armed).hasSize(1);
    PointOfInterest poi = armed.get(0).poi();
    assertThat(poi.direction()).isEqualTo(Direction.BULLISH);
    assertThat(poi.bottom()).isEqualTo(103);
    assertThat(poi.top()).isEqualTo(110 - 0.5 * 10.5);
    assertThat(poi.fvg().bottom()).isEqualTo(103);
    assertThat(poi.fvg().top()).isEqualTo(106.5);
    assertThat(poi.fvg().originIndex()).isEqualTo(17);
    assertThat(poi.leg().startPrice()).isEqualTo(99.5);
    assertThat(poi.leg().endPrice()).isEqualTo(110);
    assertThat(poi.armedIndex()).isEqualTo(21);
    assertThat(poi.armed5mIndex()).isEqualTo(65);
    assertThat(poi.armedTimeMillis()).isEqualTo(Scenario.close15(21));
    assertThat(poi.id()).isEqualTo("poi-L-" + Scenario.close15(21));
    assertThat(poi.goldenPocket()).isTrue(); // [103, 106.5] contains 103.511
    assertThat(poi.structureRetest()).isTrue(); // the broken level 103 is the POI bottom
    assertThat(armed.get(0).originIndex()).isEqualTo(17);
    assertThat(armed.get(0).knownAtIndex()).isEqualTo(21);
  }

  @Test
  void shouldNotTapOnTheFiveMinuteBarThatClosesWithTheArmingFifteenMinuteBar() {
    // 5m bars 63..65 (q21) all have low 104.5 <= POI top, but bar 65 closes with the arming 15m
    // close and bars 63, 64 come before it: the first tap is bar 66.
    StrategyRun run = armedPoi().five(105.5, 104.2, 104.5).run();
    List<PoiTappedEvent> taps = run.eventsOf(PoiTappedEvent.class);
    assertThat(taps).hasSize(1);
    assertThat(taps.get(0).tapIndex()).isEqualTo(66);
    assertThat(taps.get(0).price()).isEqualTo(104.2);
  }

  @Test
  void shouldSignalAnMssAtTheCloseAboveTheFirstFiveMinuteSwingHighKnownAfterTheTap() {
    Scenario s =
        armedPoi()
            .five(105.5, 104.2, 104.5) // 66: tap (low 104.2 <= 104.75)
            .five(105.0, 104.0, 104.3) // 67
            .five(104.6, 103.8, 104.0) // 68: lowest low since the tap (q22 closes 104 >= 103)
            .five(105.2, 104.1, 105.0) // 69: 5m pivot high 105.2 (above 104.6, 105.0)
            .five(105.0, 104.3, 104.5) // 70
            .five(104.8, 104.0, 104.2) // 71: swing 69 known here (after the tap)
            .five(105.6, 104.3, 105.5); // 72: close 105.5 > 105.2 -> MSS
    StrategyRun run = s.run();
    List<EntrySignal> signals = run.signals();
    assertThat(signals).hasSize(1);
    EntrySignal sig = signals.get(0);
    assertThat(sig.side()).isEqualTo(Side.LONG);
    assertThat(sig.trigger()).isEqualTo(TriggerType.MSS);
    assertThat(sig.orderType()).isEqualTo(OrderType.MARKET);
    assertThat(sig.signalIndex()).isEqualTo(72);
    assertThat(sig.tapIndex()).isEqualTo(66);
    assertThat(sig.triggerLevel()).isEqualTo(105.2);
    assertThat(sig.triggerOriginIndex()).isEqualTo(69);
    assertThat(sig.entry()).isEqualTo(105.5);
    double atr = s.atr5(72);
    assertThat(sig.atr()).isCloseTo(atr, within(1e-12));
    double stop = 103.8 - Math.max(2 * Scenario.TICK, 0.1 * atr);
    assertThat(sig.stop()).isCloseTo(stop, within(1e-12));
    assertThat(sig.target()).isCloseTo(105.5 + 2 * (105.5 - stop), within(1e-12));
    assertThat(sig.secondTarget()).isEmpty(); // off by default
    assertThat(sig.score().decisiveBreak()).isTrue(); // 105.5 - 103 >= 0.25 ATR
    assertThat(sig.score().poiHasFvg()).isTrue();
    assertThat(sig.score().goldenPocket()).isTrue();
    assertThat(sig.score().structureRetest()).isTrue();
    assertThat(sig.score().displacement()).isFalse(); // bar 72 completes no 5m FVG
    assertThat(sig.score().total()).isEqualTo(4);
    assertThat(sig.id()).isEqualTo("sig-L-" + (Scenario.open5(72) + Scenario.M5));
    assertThat(sig.poiId()).isEqualTo("poi-L-" + Scenario.close15(21));
    assertThat(sig.knownAt5mIndex()).isEqualTo(72);
    assertThat(sig.originIndex()).isEqualTo(66);

    StrategyRun withSecond = s.run(StrategyConfig.builder().secondTarget(true).build());
    assertThat(withSecond.signals().get(0).secondTarget()).hasValue(110);
  }

  @Test
  void shouldSignalAnFvgEntryAsALimitAtTheGapTop() {
    Scenario s =
        armedPoi()
            .five(105.5, 104.2, 104.5) // 66: tap
            .five(105.0, 104.0, 104.3) // 67
            .five(104.6, 103.8, 104.0) // 68
            .five(104.4, 103.9, 104.2) // 69: no swing (104.4 is not above bar 68's 104.6)
            .five(104.9, 104.3, 104.8) // 70: not a swing either (71 is higher)
            .five(105.3, 104.7, 105.1); // 71: low 104.7 > high[69] 104.4: 5m FVG [104.4, 104.7]
    StrategyRun run = s.run();
    List<EntrySignal> signals = run.signals();
    assertThat(signals).hasSize(1);
    EntrySignal sig = signals.get(0);
    assertThat(sig.trigger()).isEqualTo(TriggerType.FVG);
    assertThat(sig.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(sig.signalIndex()).isEqualTo(71);
    assertThat(sig.entry()).isEqualTo(104.7); // the gap's top
    assertThat(sig.triggerLevel()).isEqualTo(104.4); // its bottom, inside the POI [103, 104.75]
    assertThat(sig.triggerOriginIndex()).isEqualTo(69);
    double stop = 103.8 - Math.max(2 * Scenario.TICK, 0.1 * s.atr5(71));
    assertThat(sig.stop()).isCloseTo(stop, within(1e-12));
    assertThat(sig.score().displacement()).isFalse();
  }

  @Test
  void shouldPreferMssWhenTheSameBarAlsoCompletesAGapInsideThePoi() {
    Scenario s =
        armedPoi()
            .five(105.5, 104.2, 104.5) // 66: tap
            .five(105.0, 104.0, 104.3) // 67
            .five(104.6, 103.8, 104.0) // 68
            .five(105.2, 104.1, 105.0) // 69: pivot high 105.2
            .five(104.5, 104.1, 104.3) // 70: high 104.5 inside the POI
            .five(104.9, 104.0, 104.2) // 71: swing 69 known
            .five(106.0, 104.9, 105.8); // 72: close > 105.2 (MSS) and FVG [104.5, 104.9]
    EntrySignal sig = s.run().signals().get(0);
    assertThat(sig.trigger()).isEqualTo(TriggerType.MSS);
    assertThat(sig.entry()).isEqualTo(105.8);
    assertThat(sig.score().displacement()).isTrue();
    assertThat(sig.score().total()).isEqualTo(5);
  }

  @Test
  void shouldGiveOneSignalPerPoi() {
    Scenario s =
        armedPoi()
            .five(105.5, 104.2, 104.5) // 66: tap
            .five(105.0, 104.0, 104.3) // 67
            .five(104.6, 103.8, 104.0) // 68
            .five(104.4, 103.9, 104.2) // 69
            .five(104.9, 104.3, 104.8) // 70
            .five(105.3, 104.7, 105.1) // 71: FVG trigger
            .five(104.5, 104.0, 104.2) // 72
            .five(104.8, 104.1, 104.6) // 73
            .five(105.5, 104.9, 105.3); // 74: another FVG [104.5, 104.9] inside the POI
    StrategyRun run = s.run();
    assertThat(run.signals()).extracting(EntrySignal::signalIndex).containsExactly(71);
    assertThat(run.eventsOf(FairValueGapEvent.class))
        .anyMatch(
            f ->
                f.change() == FvgChange.CREATED
                    && f.knownAt5mIndex() == 74
                    && f.gap().direction() == Direction.BULLISH
                    && f.gap().bottom() == 104.5);
  }

  @Test
  void shouldNotTriggerOnABarWhoseFifteenMinuteCloseKillsThePoi() {
    // Bar 68 completes a 5m FVG [104.5, 104.8] inside the POI and closes q22. With the default
    // max age the signal comes at bar 68; with poiMaxAgeBars = 1 the POI dies at q22's close,
    // which the 5m logic of bar 68 already sees: no signal.
    Scenario s =
        armedPoi()
            .five(104.5, 103.9, 104.2) // 66: tap
            .five(105.5, 104.3, 105.3) // 67
            .five(106.0, 104.8, 105.8); // 68: FVG over 66..68, closes q22
    EntrySignal sig = s.run().signals().get(0);
    assertThat(sig.signalIndex()).isEqualTo(68);
    assertThat(sig.trigger()).isEqualTo(TriggerType.FVG);

    StrategyRun aged = s.run(StrategyConfig.builder().poiMaxAgeBars(1).build());
    assertThat(aged.signals()).isEmpty();
    List<PoiDeadEvent> deaths = aged.eventsOf(PoiDeadEvent.class);
    assertThat(deaths).hasSize(1);
    assertThat(deaths.get(0).reason()).isEqualTo(PoiDeathReason.MAX_AGE);
    assertThat(deaths.get(0).knownAtIndex()).isEqualTo(22);
    assertThat(deaths.get(0).knownAt5mIndex()).isEqualTo(68);
  }

  @Test
  void shouldKillThePoiWhenItsFvgIsFilled() {
    StrategyRun run = armedPoi().quarter(104, 102, 102.5).run(); // q22 closes below 103
    List<PoiDeadEvent> deaths = run.eventsOf(PoiDeadEvent.class);
    assertThat(deaths).extracting(PoiDeadEvent::reason).containsExactly(PoiDeathReason.FVG_FILLED);
    assertThat(deaths.get(0).knownAtIndex()).isEqualTo(22);
    // the 15m gap reports its fill at the same close, before the POI death
    List<StrategyEvent> all = run.events();
    FairValueGapEvent fill =
        run.eventsOf(FairValueGapEvent.class).stream()
            .filter(f -> f.change() == FvgChange.FILLED && f.timeframe().equals(Timeframe.M15))
            .filter(f -> f.gap().equals(deaths.get(0).poi().fvg()))
            .findFirst()
            .orElseThrow();
    assertThat(all.indexOf(fill)).isLessThan(all.indexOf(deaths.get(0)));
  }

  @Test
  void shouldKillThePoiOnACloseBelowTheLegStartBeforeCallingItFilled() {
    StrategyRun run = armedPoi().quarter(104, 99, 99.2).run(); // below 99.5 (and below 103)
    assertThat(run.eventsOf(PoiDeadEvent.class))
        .extracting(PoiDeadEvent::reason)
        .containsExactly(PoiDeathReason.CLOSE_BEYOND_LEG_START);
  }

  @Test
  void shouldKillThePoiWhenANewBreakReplacesTheLeg() {
    // q22: the swing high q19 (110) becomes known; q23 closes at 111 > 110: a new bullish BOS.
    StrategyRun run = armedPoi().quarter(105.8, 103.8, 104).quarter(111.5, 104, 111).run();
    List<PoiDeadEvent> deaths = run.eventsOf(PoiDeadEvent.class);
    assertThat(deaths)
        .extracting(PoiDeadEvent::reason)
        .containsExactly(PoiDeathReason.REPLACED_BY_NEW_BREAK);
    assertThat(deaths.get(0).knownAtIndex()).isEqualTo(23);
    List<StructureBreakEvent> breaks = run.eventsOf(StructureBreakEvent.class);
    assertThat(breaks.get(breaks.size() - 1).level()).isEqualTo(110);
  }

  @Test
  void shouldKillThePoiOfOldAgeAfterPoiMaxAgeBars() {
    Scenario s = armedPoi();
    for (int q = 22; q < 80; q++) {
      s.quarter(105, 104, 104.5);
    }
    List<PoiDeadEvent> deaths = s.run().eventsOf(PoiDeadEvent.class);
    assertThat(deaths).extracting(PoiDeadEvent::reason).containsExactly(PoiDeathReason.MAX_AGE);
    assertThat(deaths.get(0).knownAtIndex()).isEqualTo(21 + 48);
    assertThat(deaths.get(0).knownAt5mIndex()).isEqualTo(3 * (21 + 48) + 2);
  }

  @Test
  void shouldKillAPoiAtOnceWhenItsArmingCloseIsBelowTheLegStart() {
    // A gap whose first candle (q13, high 101) lies before the leg start: its bottom 101 is below
    // the leg start 101.5, so a close between them leaves the gap unfilled but the leg broken.
    StrategyRun run =
        Scenario.start()
            .warmUp(14)
            .quarter(103, 101.5, 102) // q14: swing high 103, and the leg start 101.5
            .quarter(103, 102.9, 102.95) // q15: 15m FVG [101, 102.9] over q13..q15
            .quarter(102.95, 102.2, 102.5) // q16
            .quarter(102.9, 101.8, 102.6) // q17: swing high q14 known
            .quarter(106, 103, 105.5) // q18: BOS; leg 101.5 -> 106
            .quarter(107, 105, 106.5) // q19: leg end 107; FVG [102.9, 105] (filled at q20)
            .quarter(106.5, 101.3, 101.4) // q20: frozen (low <= 104.25), close 101.4 < 101.5
            .run();
    PointOfInterest poi = run.eventsOf(PoiArmedEvent.class).get(0).poi();
    assertThat(poi.fvg().bottom()).isEqualTo(101);
    assertThat(poi.fvg().top()).isEqualTo(102.9);
    assertThat(poi.bottom()).isEqualTo(107 - 0.786 * 5.5); // the zone's lower edge
    assertThat(poi.top()).isEqualTo(102.9);
    List<PoiDeadEvent> deaths = run.eventsOf(PoiDeadEvent.class);
    assertThat(deaths).hasSize(1);
    assertThat(deaths.get(0).reason()).isEqualTo(PoiDeathReason.CLOSE_BEYOND_LEG_START);
    assertThat(deaths.get(0).knownAtIndex()).isEqualTo(20).isEqualTo(poi.armedIndex());
  }

  @Test
  void shouldArmNoPoiForAChochLegWhenContinuationOnly() {
    // The same set-up after an earlier bearish break makes the bullish break a CHoCH.
    Scenario s =
        Scenario.start()
            .warmUp(14)
            .quarter(101, 98, 99) // q14: pivot low 98 (below 99)
            .quarter(101, 99, 100)
            .quarter(101, 99, 100)
            .quarter(101, 99, 100) // q17: swing low q14 known
            .quarter(100, 97, 97.5) // q18: bearish BOS of 98
            .quarter(103, 99, 102.5); // q19
    StrategyRun run = s.run();
    assertThat(run.eventsOf(StructureBreakEvent.class))
        .extracting(StructureBreakEvent::direction)
        .containsExactly(Direction.BEARISH);
    Scenario full =
        s.quarter(103, 100, 102)
            .quarter(102, 100, 101)
            .quarter(101.5, 100, 101)
            .quarter(103, 99.5, 100) // q23: swing high q19 (103)? no: q20..q22 are lower
            .quarter(106, 101, 105.5)
            .quarter(110, 106.5, 109.5)
            .quarter(109.5, 105.5, 107)
            .quarter(108, 104.5, 105);
    StrategyRun both = full.run();
    List<StructureBreakEvent> breaks = both.eventsOf(StructureBreakEvent.class);
    assertThat(breaks).hasSize(2);
    assertThat(breaks.get(1).type()).isEqualTo(org.smc4j.core.structure.BreakType.CHOCH);
    assertThat(both.eventsOf(PoiArmedEvent.class)).hasSize(1);
    assertThat(
            full.run(StrategyConfig.builder().continuationOnly(true).build())
                .eventsOf(PoiArmedEvent.class))
        .isEmpty();
  }

  @Test
  void shouldMirrorEverythingForShorts() {
    Scenario s =
        armedPoi()
            .five(105.5, 104.2, 104.5)
            .five(105.0, 104.0, 104.3)
            .five(104.6, 103.8, 104.0)
            .five(105.2, 104.1, 105.0)
            .five(104.5, 104.1, 104.3)
            .five(104.9, 104.0, 104.2)
            .five(106.0, 104.9, 105.8);
    StrategyRun longRun = s.run();
    StrategyRun shortRun = s.mirrored().run();
    assertThat(shortRun.events()).hasSameSizeAs(longRun.events());
    for (int e = 0; e < longRun.events().size(); e++) {
      assertThat(StrategyEventKind.of(shortRun.events().get(e)))
          .isEqualTo(StrategyEventKind.of(longRun.events().get(e)));
      assertThat(shortRun.events().get(e).knownAt5mIndex())
          .isEqualTo(longRun.events().get(e).knownAt5mIndex());
      assertThat(shortRun.events().get(e).originIndex())
          .isEqualTo(longRun.events().get(e).originIndex());
    }
    EntrySignal lng = longRun.signals().get(0);
    EntrySignal sht = shortRun.signals().get(0);
    assertThat(sht.side()).isEqualTo(Side.SHORT);
    assertThat(sht.id()).isEqualTo("sig-S-" + (Scenario.open5(72) + Scenario.M5));
    assertThat(sht.trigger()).isEqualTo(lng.trigger());
    assertThat(sht.entry()).isCloseTo(200 - lng.entry(), within(1e-9));
    assertThat(sht.stop()).isCloseTo(200 - lng.stop(), within(1e-9));
    assertThat(sht.target()).isCloseTo(200 - lng.target(), within(1e-9));
    assertThat(sht.poi().bottom()).isCloseTo(200 - lng.poi().top(), within(1e-9));
    assertThat(sht.poi().top()).isCloseTo(200 - lng.poi().bottom(), within(1e-9));
    assertThat(sht.score()).isEqualTo(lng.score());
  }
}
