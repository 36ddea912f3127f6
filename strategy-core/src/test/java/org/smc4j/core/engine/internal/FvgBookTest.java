package org.smc4j.core.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.FairValueGapEvent;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.fvg.FvgChange;
import org.smc4j.core.structure.Direction;

class FvgBookTest {

  private final List<StrategyEvent> events = new ArrayList<>();

  @Test
  void shouldTouchWhenALowReachesTheTopAndFillWhenACloseGoesBelowTheBottom() {
    FvgBook book = new FvgBook(Timeframe.M15, Direction.BULLISH, true);
    FairValueGap g = book.add(0, 0L, 100, 102);
    book.update(102.5, 103, 3, 0L, 9, events::add); // low above the top: nothing
    assertThat(events).isEmpty();
    book.update(102, 103, 4, 0L, 12, events::add); // low == top: touched
    book.update(99, 100, 5, 0L, 15, events::add); // close == bottom: not filled
    book.update(99, 99.9, 6, 0L, 18, events::add); // close below the bottom: filled
    assertThat(events)
        .containsExactly(
            new FairValueGapEvent(FvgChange.TOUCHED, g, 4, 0L, 12),
            new FairValueGapEvent(FvgChange.FILLED, g, 6, 0L, 18));
    assertThat(book.unfilledCount()).isZero();
    assertThat(book.untouchedCount()).isZero();
  }

  @Test
  void shouldReportTouchedThenFilledWhenOneBarDoesBoth() {
    FvgBook book = new FvgBook(Timeframe.M5, Direction.BULLISH, true);
    FairValueGap g = book.add(0, 0L, 100, 102);
    book.update(98, 99, 3, 0L, 3, events::add);
    assertThat(events)
        .extracting(e -> ((FairValueGapEvent) e).change())
        .containsExactly(FvgChange.TOUCHED, FvgChange.FILLED);
    assertThat(((FairValueGapEvent) events.get(0)).gap()).isEqualTo(g);
  }

  @Test
  void shouldKeepBearishGapsInRealPricesWhileWorkingOnNegatedOnes() {
    FvgBook book = new FvgBook(Timeframe.M5, Direction.BEARISH, true);
    // directional bottom -105 (= -low[i-2]), top -103 (= -high[i]): real gap [103, 105]
    FairValueGap g = book.add(7, 42L, -105, -103);
    assertThat(g.bottom()).isEqualTo(103);
    assertThat(g.top()).isEqualTo(105);
    assertThat(g.direction()).isEqualTo(Direction.BEARISH);
    book.update(-103.5, -104, 10, 0L, 10, events::add); // real high 103.5 reaches the bottom 103
    assertThat(events)
        .extracting(e -> ((FairValueGapEvent) e).change())
        .containsExactly(FvgChange.TOUCHED);
    book.update(-103.5, -105.5, 11, 0L, 11, events::add); // real close 105.5 above the top
    assertThat(events).hasSize(2);
  }

  @Test
  void shouldFillOnlyTheGapsWhoseBottomIsAboveTheClose() {
    FvgBook book = new FvgBook(Timeframe.M5, Direction.BULLISH, true);
    FairValueGap low = book.add(0, 0L, 100, 101);
    book.add(3, 0L, 104, 105);
    // a close at 102 fills [104, 105] but not [100, 101]
    book.update(101.5, 102, 7, 0L, 7, events::add);
    assertThat(events)
        .filteredOn(e -> ((FairValueGapEvent) e).change() == FvgChange.FILLED)
        .extracting(e -> ((FairValueGapEvent) e).gap().bottom())
        .containsExactly(104.0);
    assertThat(book.unfilledCount()).isEqualTo(1);
    assertThat(book.unfilledGap(0)).isEqualTo(low);
  }

  @Test
  void shouldKeepUnfilledGapsSortedByBottomWhenANewGapHasALowerBottom() {
    FvgBook book = new FvgBook(Timeframe.M5, Direction.BULLISH, true);
    book.add(0, 0L, 104, 106); // completed at bar 2
    book.add(1, 0L, 103, 107); // completed at bar 3, lower bottom
    assertThat(book.unfilledBottom(0)).isEqualTo(103);
    assertThat(book.unfilledBottom(1)).isEqualTo(104);
  }

  @Test
  void shouldChooseTheLargestOverlapWithTheZone() {
    FvgBook book = new FvgBook(Timeframe.M15, Direction.BULLISH, false);
    book.add(10, 0L, 95, 97); // overlap with [96, 100]: 1
    book.add(12, 0L, 97.5, 99.9); // overlap: 2.4 -> chosen
    book.add(14, 0L, 99, 101); // overlap: 1
    int pos = book.bestOverlap(0, 100, 96, 100, 97.5);
    assertThat(book.unfilledGap(pos).originIndex()).isEqualTo(12);
    assertThat(book.overlapLow()).isEqualTo(97.5);
    assertThat(book.overlapHigh()).isEqualTo(99.9);
  }

  @Test
  void shouldBreakAnOverlapTieByTheMidpointNearestTheGoldenPrice() {
    FvgBook book = new FvgBook(Timeframe.M15, Direction.BULLISH, false);
    book.add(10, 0L, 96, 97); // overlap [96, 97], midpoint 96.5
    book.add(12, 0L, 98, 99); // overlap [98, 99], midpoint 98.5, nearer 98.2 -> chosen
    int pos = book.bestOverlap(0, 100, 95, 100, 98.2);
    assertThat(book.unfilledGap(pos).originIndex()).isEqualTo(12);
  }

  @Test
  void shouldBreakAFullTieInFavourOfTheEarlierGap() {
    FvgBook book = new FvgBook(Timeframe.M15, Direction.BULLISH, false);
    book.add(12, 0L, 99, 100); // midpoint 99.5
    book.add(10, 0L, 97, 98); // midpoint 97.5: same width, same distance to 98.5, earlier
    int pos = book.bestOverlap(0, 100, 95, 101, 98.5);
    assertThat(book.unfilledGap(pos).originIndex()).isEqualTo(10);
  }

  @Test
  void shouldIgnoreGapsOutsideTheLegAndZeroWidthOverlaps() {
    FvgBook book = new FvgBook(Timeframe.M15, Direction.BULLISH, false);
    book.add(3, 0L, 97, 99); // middle 4: outside [5, 20]
    book.add(6, 0L, 100, 101); // touches the zone only at 100: zero width
    assertThat(book.bestOverlap(5, 20, 96, 100, 98)).isEqualTo(-1);
    assertThat(book.bestOverlap(4, 20, 96, 100, 98)).isZero();
  }
}
