package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smc4j.core.engine.Scenario.close15;
import static org.smc4j.core.engine.Scenario.of;
import static org.smc4j.core.engine.Scenario.open15;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fib.LegChange;
import org.smc4j.core.structure.BreakType;
import org.smc4j.core.structure.Direction;
import org.smc4j.core.structure.SwingType;

/**
 * Swing points, breaks of structure and the impulse leg on hand-built 15m candles (each 15m candle
 * is three identical 5m candles, so 15m bar q is known at 5m bar 3q+2). Quarters 0..13 are quiet
 * (high 101, low 99, close 100): equal highs and lows make no swing, and the 15m ATR is 2 at q13.
 */
class StructureExamplesTest {

  /** A swing high at q14 (103), known at q17 = 14 + R. */
  private static Scenario swingHighAt14() {
    return Scenario.start()
        .warmUp(14)
        .quarter(103, 100, 102) // q14: pivot, above the three highs on its left (101)
        .quarter(102, 100, 101) // q15
        .quarter(101.5, 100, 101) // q16
        .quarter(103, 99.5, 100); // q17: equal high on the right is allowed; lowest low of [14, 18]
  }

  private static List<SwingPointEvent> swings15(StrategyRun run, SwingType type) {
    return of(
        run, SwingPointEvent.class, s -> s.timeframe().equals(Timeframe.M15) && s.type() == type);
  }

  @Test
  void shouldConfirmFifteenMinuteSwingHighThreeBarsAfterPivot() {
    StrategyRun run = swingHighAt14().run();

    // origin q14, known at q17 (= 14 + R), reported at 5m bar 3*17+2 = 53
    assertThat(swings15(run, SwingType.HIGH))
        .containsExactly(
            new SwingPointEvent(
                Timeframe.M15, SwingType.HIGH, 103, 14, open15(14), 17, close15(17), 53));
  }

  @Test
  void shouldNotConfirmASwingWhoseLeftNeighbourIsEqual() {
    // q15 repeats q14's high 103: q14 stays a swing (the right side may be equal), but q15 is
    // none (its left neighbour is not strictly lower).
    StrategyRun run =
        Scenario.start()
            .warmUp(14)
            .quarter(103, 100, 102)
            .quarter(103, 100, 101)
            .quarter(101.5, 100, 101)
            .quarter(101, 100, 100)
            .quarter(101, 100, 100)
            .run();

    assertThat(swings15(run, SwingType.HIGH))
        .extracting(SwingPointEvent::originIndex)
        .containsExactly(14);
  }

  @Test
  void shouldNotReportASwingBeforeItsRightSideIsComplete() {
    // Only q14..q16 after the warm-up: the pivot needs q17 to be known.
    Scenario s =
        Scenario.start()
            .warmUp(14)
            .quarter(103, 100, 102)
            .quarter(102, 100, 101)
            .quarter(101.5, 100, 101);
    assertThat(swings15(s.run(), SwingType.HIGH)).isEmpty();
  }

  @Test
  void shouldConfirmFiveMinuteSwingTwoBarsAfterPivot() {
    // 5m bars: quiet 100/99 then a 5m pivot high at bar 40 known at bar 42 (R = 2).
    Scenario s = Scenario.start();
    for (int i = 0; i < 40; i++) {
      s.five(100, 99, 99.5);
    }
    s.five(102, 99.5, 101) // bar 40: pivot
        .five(101, 99.5, 100) // bar 41
        .five(102, 99, 99.5); // bar 42: equal high on the right keeps the pivot
    List<SwingPointEvent> highs5 =
        of(
            s.run(),
            SwingPointEvent.class,
            e -> e.timeframe().equals(Timeframe.M5) && e.type() == SwingType.HIGH);
    assertThat(highs5)
        .containsExactly(
            new SwingPointEvent(
                Timeframe.M5,
                SwingType.HIGH,
                102,
                40,
                Scenario.open5(40),
                42,
                Scenario.open5(42) + Scenario.M5,
                42));
  }

  @Test
  void shouldReportABullishBosAtTheBreakCloseWithItsLeg() {
    StrategyRun run =
        swingHighAt14()
            .quarter(104, 101, 103.8) // q18: close 103.8 > 103 by 0.8 >= 0.1 ATR -> BOS
            .run();

    List<StructureBreakEvent> breaks = run.eventsOf(StructureBreakEvent.class);
    assertThat(breaks).hasSize(1);
    StructureBreakEvent b = breaks.get(0);
    assertThat(b.direction()).isEqualTo(Direction.BULLISH);
    assertThat(b.type()).isEqualTo(BreakType.BOS); // the first break of a series is a BOS
    assertThat(b.level()).isEqualTo(103);
    assertThat(b.swingIndex()).isEqualTo(14);
    assertThat(b.breakIndex()).isEqualTo(18);
    assertThat(b.knownAt5mIndex()).isEqualTo(3 * 18 + 2);
    assertThat(b.knownAtTimeMillis()).isEqualTo(close15(18));
    assertThat(b.close()).isEqualTo(103.8);
    // ATR (Wilder, 14): 2 at q13, then true ranges 3, 2, 1.5, 3.5, 4 (about 2.26)
    double atr = 2;
    for (double tr : new double[] {3, 2, 1.5, 3.5, 4}) {
      atr = (atr * 13 + tr) / 14;
    }
    assertThat(b.atr()).isCloseTo(atr, within(1e-12));
    assertThat(b.decisive()).isTrue(); // 0.8 >= 0.25 * 2.26

    ImpulseLegEvent created = run.eventsOf(ImpulseLegEvent.class).get(0);
    assertThat(created.change()).isEqualTo(LegChange.CREATED);
    ImpulseLeg leg = created.leg();
    // start = lowest low in [14, 18] = 99.5 at q17; end = the break bar's high 104
    assertThat(leg.startIndex()).isEqualTo(17);
    assertThat(leg.startPrice()).isEqualTo(99.5);
    assertThat(leg.startTimeMillis()).isEqualTo(open15(17));
    assertThat(leg.endIndex()).isEqualTo(18);
    assertThat(leg.endPrice()).isEqualTo(104);
    assertThat(leg.zoneStartPrice()).isEqualTo(104 - 0.5 * 4.5);
    assertThat(leg.goldenPrice()).isEqualTo(104 - 0.618 * 4.5);
    assertThat(leg.zoneEndPrice()).isEqualTo(104 - 0.786 * 4.5);
    assertThat(created.originIndex()).isEqualTo(17);
    assertThat(created.knownAtIndex()).isEqualTo(18);
  }

  @Test
  void shouldNotBreakWhenTheCloseClearsTheLevelByLessThanMinBreakAtr() {
    // close 103.2 is above 103 by 0.2 < 0.1 * 2.26; the next close 103.5 clears it and breaks.
    StrategyRun run =
        swingHighAt14()
            .quarter(103.3, 101, 103.2) // q18: above, but not by 0.1 ATR
            .quarter(103.6, 102, 103.5) // q19: 0.5 >= 0.1 ATR -> break here
            .run();
    assertThat(run.eventsOf(StructureBreakEvent.class))
        .extracting(StructureBreakEvent::breakIndex)
        .containsExactly(19);
  }

  @Test
  void shouldNeedConfirmBarsConsecutiveClosesBeyondTheLevel() {
    StrategyConfig two = StrategyConfig.builder().confirmBars(2).build();
    StrategyRun interrupted =
        swingHighAt14()
            .quarter(104, 101, 103.8) // q18: 1st close above
            .quarter(103.9, 102, 102.5) // q19: back below: the run restarts
            .quarter(104, 102.5, 103.8) // q20: 1st again
            .quarter(104.2, 103, 104) // q21: 2nd consecutive -> break reported here
            .run(two);
    assertThat(interrupted.eventsOf(StructureBreakEvent.class))
        .extracting(StructureBreakEvent::breakIndex)
        .containsExactly(21);
  }

  @Test
  void shouldBreakALevelOnlyOnce() {
    StrategyRun run =
        swingHighAt14()
            .quarter(104, 101, 103.8) // q18: break
            .quarter(104.5, 103, 104.2) // q19: still above 103: no second break
            .quarter(104.8, 103.5, 104.6) // q20
            .run();
    assertThat(run.eventsOf(StructureBreakEvent.class)).hasSize(1);
  }

  @Test
  void shouldReplaceTheCandidateWithTheNewestSwingHigh() {
    // The swing high q14 (103) is the candidate from q17. A lower swing high at q21 (102.5) is
    // known at q24 and becomes the candidate: the older, higher one is never tested again, so
    // q25's close 102.8 breaks 102.5 (swing q21), although it is below 103.
    StrategyRun newer =
        swingHighAt14()
            .quarter(101, 100, 100.5) // q18
            .quarter(101.2, 100, 100.5) // q19
            .quarter(101.4, 100, 100.5) // q20
            .quarter(102.5, 100, 101) // q21: pivot, above q18..q20
            .quarter(101.5, 100, 101) // q22
            .quarter(101.5, 100, 101) // q23
            .quarter(101.5, 100, 101) // q24: swing q21 known -> candidate 102.5
            .quarter(102.9, 100.5, 102.8) // q25: close 102.8 breaks 102.5 (not 103)
            .run();
    assertThat(swings15(newer, SwingType.HIGH))
        .extracting(SwingPointEvent::originIndex)
        .containsExactly(14, 21);
    List<StructureBreakEvent> b2 = newer.eventsOf(StructureBreakEvent.class);
    assertThat(b2).hasSize(1);
    assertThat(b2.get(0).level()).isEqualTo(102.5);
    assertThat(b2.get(0).swingIndex()).isEqualTo(21);
    assertThat(b2.get(0).breakIndex()).isEqualTo(25);
  }

  @Test
  void shouldTakeTheLatestBarAmongEqualLowsAsLegStart() {
    StrategyRun run =
        Scenario.start()
            .warmUp(14)
            .quarter(103, 100, 102) // q14 pivot
            .quarter(102, 100, 101) // q15 low 100
            .quarter(101.5, 100, 101) // q16 low 100
            .quarter(103, 100, 101) // q17 low 100: the latest of the equal lows
            .quarter(104, 101, 103.8) // q18 break
            .run();
    ImpulseLeg leg = run.eventsOf(ImpulseLegEvent.class).get(0).leg();
    assertThat(leg.startIndex()).isEqualTo(17);
    assertThat(leg.startPrice()).isEqualTo(100);
  }

  @Test
  void shouldExtendTheLegThenFreezeWhenALowReachesHalfOfTheLegAsAtThePreviousClose() {
    StrategyRun run =
        swingHighAt14()
            .quarter(104, 101, 103.8) // q18 break: leg 99.5 -> 104
            .quarter(105, 103, 104.5) // q19: low 103 > 101.75 (half), high 105 -> extended
            .quarter(104.5, 102, 103) // q20: low 102 <= 102.25 (half of 99.5..105) -> frozen
            .quarter(106, 103, 105) // q21: frozen: no extension
            .run();
    List<ImpulseLegEvent> legs = run.eventsOf(ImpulseLegEvent.class);
    assertThat(legs)
        .extracting(ImpulseLegEvent::change, ImpulseLegEvent::knownAtIndex)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LegChange.CREATED, 18),
            org.assertj.core.groups.Tuple.tuple(LegChange.EXTENDED, 19),
            org.assertj.core.groups.Tuple.tuple(LegChange.FROZEN_BY_RETRACEMENT, 20));
    ImpulseLeg frozen = legs.get(2).leg();
    assertThat(frozen.endPrice()).isEqualTo(105);
    assertThat(frozen.endIndex()).isEqualTo(19);
    assertThat(frozen.zoneStartPrice()).isEqualTo(102.25);
  }

  @Test
  void shouldNotExtendTheLegOnTheBarThatFreezesIt() {
    StrategyRun run =
        swingHighAt14()
            .quarter(104, 101, 103.8) // q18 break: half = 101.75
            .quarter(106, 101.5, 105) // q19: low 101.5 <= 101.75 -> frozen; its high 106 ignored
            .run();
    List<ImpulseLegEvent> legs = run.eventsOf(ImpulseLegEvent.class);
    assertThat(legs)
        .extracting(ImpulseLegEvent::change)
        .containsExactly(LegChange.CREATED, LegChange.FROZEN_BY_RETRACEMENT);
    assertThat(legs.get(1).leg().endPrice()).isEqualTo(104);
  }

  @Test
  void shouldFreezeTheLegWhenASwingHighAfterTheBreakBecomesKnown() {
    StrategyRun run =
        swingHighAt14()
            .quarter(104, 101, 103.8) // q18 break
            .quarter(105, 103, 104.5) // q19: extends to 105; pivot of a swing high after the break
            .quarter(104.8, 103, 104) // q20: half = 102.25, low 103 stays above
            .quarter(104.6, 103.2, 104) // q21
            .quarter(104.5, 103.5, 104) // q22: swing high q19 known -> frozen by new swing
            .run();
    List<ImpulseLegEvent> legs = run.eventsOf(ImpulseLegEvent.class);
    assertThat(legs)
        .extracting(ImpulseLegEvent::change, ImpulseLegEvent::knownAtIndex)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LegChange.CREATED, 18),
            org.assertj.core.groups.Tuple.tuple(LegChange.EXTENDED, 19),
            org.assertj.core.groups.Tuple.tuple(LegChange.FROZEN_BY_NEW_SWING, 22));
  }

  @Test
  void shouldReportACounterBreakAsChochAndReplaceTheLeg() {
    StrategyRun run =
        swingHighAt14()
            .quarter(104, 101, 103.8) // q18 bullish BOS; swing low q17 (99.5) pivot
            .quarter(105, 103, 104.5) // q19
            .quarter(104.5, 102, 103) // q20: swing low q17 known (lows 101, 103, 102 >= 99.5)
            .quarter(103, 99, 99.2) // q21: close 99.2 < 99.5 by 0.3 >= 0.1 ATR -> bearish CHoCH
            .run();
    List<StructureBreakEvent> breaks = run.eventsOf(StructureBreakEvent.class);
    assertThat(breaks)
        .extracting(StructureBreakEvent::direction, StructureBreakEvent::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Direction.BULLISH, BreakType.BOS),
            org.assertj.core.groups.Tuple.tuple(Direction.BEARISH, BreakType.CHOCH));
    StructureBreakEvent choch = breaks.get(1);
    assertThat(choch.level()).isEqualTo(99.5);
    assertThat(choch.swingIndex()).isEqualTo(17);
    assertThat(choch.breakIndex()).isEqualTo(21);
    assertThat(choch.decisive()).isFalse(); // 0.3 < 0.25 * 2.39

    List<ImpulseLegEvent> legs = run.eventsOf(ImpulseLegEvent.class);
    ImpulseLegEvent replaced = legs.get(legs.size() - 2);
    ImpulseLegEvent created = legs.get(legs.size() - 1);
    assertThat(replaced.change()).isEqualTo(LegChange.REPLACED);
    assertThat(replaced.leg().direction()).isEqualTo(Direction.BULLISH);
    assertThat(created.change()).isEqualTo(LegChange.CREATED);
    ImpulseLeg bear = created.leg();
    // bearish leg: start = highest high in [17, 21] = 105 at q19, end = lowest low 99 at q21
    assertThat(bear.direction()).isEqualTo(Direction.BEARISH);
    assertThat(bear.startPrice()).isEqualTo(105);
    assertThat(bear.startIndex()).isEqualTo(19);
    assertThat(bear.endPrice()).isEqualTo(99);
    assertThat(bear.zoneStartPrice()).isEqualTo(99 - 0.5 * (99 - 105));
    assertThat(bear.breakType()).isEqualTo(BreakType.CHOCH);
  }

  @Test
  void shouldReportNoBreakBeforeTheFifteenMinuteAtrExists() {
    // The same swing and break shifted 10 quarters earlier: the break close would be q8 < 13.
    StrategyRun run =
        Scenario.start()
            .warmUp(4)
            .quarter(103, 100, 102)
            .quarter(102, 100, 101)
            .quarter(101.5, 100, 101)
            .quarter(103, 99.5, 100)
            .quarter(104, 101, 103.8) // q8: would break, but the 15m ATR starts at q13
            .run();
    assertThat(swings15(run, SwingType.HIGH)).hasSize(1); // swings need no ATR
    assertThat(run.eventsOf(StructureBreakEvent.class)).isEmpty();
  }
}
