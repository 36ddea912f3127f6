package org.smc4j.core.ta4j;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.FairValueGapEvent;
import org.smc4j.core.engine.ImpulseLegEvent;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyRun;
import org.smc4j.core.engine.StructureBreakEvent;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.fvg.FvgChange;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.Side;
import org.smc4j.core.structure.Direction;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator of the package over one {@link StrategySeries}, each with the values the
 * documented definition gives when it is computed straight from the primitive engine's event list
 * (a separate forward sweep over {@link StrategyRun#events()}, not the adapter's code).
 */
final class IndicatorProbes {

  /** One indicator and what it must return at every bar ({@code empty}: no value). */
  record Probe(String name, Indicator<Num> indicator, OptionalDouble[] expected) {}

  private IndicatorProbes() {}

  /** Returns one indicator of each kind and parameter. */
  static List<Indicator<Num>> indicators(StrategySeries s) {
    List<Indicator<Num>> out = new ArrayList<>();
    for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15)) {
      out.add(SwingPointIndicator.high(s, tf));
      out.add(SwingPointIndicator.low(s, tf));
    }
    for (Direction d : Direction.values()) {
      out.add(new BreakOfStructureIndicator(s, d));
    }
    for (FibonacciLevel level : FibonacciLevel.values()) {
      out.add(new FibonacciLevelIndicator(s, level));
    }
    for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15)) {
      for (Direction d : Direction.values()) {
        for (ZoneEdge e : ZoneEdge.values()) {
          out.add(new FairValueGapIndicator(s, tf, d, e));
        }
      }
    }
    for (ZoneEdge e : ZoneEdge.values()) {
      out.add(new PointOfInterestIndicator(s, e));
    }
    for (Side side : Side.values()) {
      out.add(new EntrySignalIndicator(s, side));
    }
    return out;
  }

  /**
   * Pairs every indicator with its expected values over {@code n} bars of the run.
   *
   * @param s the adapter under test
   * @param run the primitive engine's run over the same candles
   * @param n the number of bars
   */
  static List<Probe> probes(StrategySeries s, StrategyRun run, int n) {
    List<Probe> out = new ArrayList<>();
    for (Indicator<Num> ind : indicators(s)) {
      out.add(new Probe(ind.toString(), ind, expected(ind, run.events(), n)));
    }
    return out;
  }

  private static OptionalDouble[] expected(Indicator<Num> ind, List<StrategyEvent> events, int n) {
    OptionalDouble[] out = new OptionalDouble[n];
    OptionalDouble value = OptionalDouble.empty();
    FairValueGap gap = null;
    PointOfInterest poi = null;
    int e = 0;
    for (int i = 0; i < n; i++) {
      boolean atBar =
          ind instanceof BreakOfStructureIndicator || ind instanceof EntrySignalIndicator;
      if (atBar) {
        value = OptionalDouble.empty();
      }
      for (; e < events.size() && events.get(e).knownAt5mIndex() == i; e++) {
        StrategyEvent ev = events.get(e);
        switch (ind) {
          case SwingPointIndicator sp -> {
            if (ev instanceof SwingPointEvent s
                && s.timeframe().equals(sp.timeframe())
                && s.type() == sp.type()) {
              value = OptionalDouble.of(s.price());
            }
          }
          case BreakOfStructureIndicator b -> {
            if (ev instanceof StructureBreakEvent sb && sb.direction() == b.direction()) {
              value = OptionalDouble.of(sb.level());
            }
          }
          case FibonacciLevelIndicator f -> {
            if (ev instanceof ImpulseLegEvent l) {
              value = OptionalDouble.of(price(l.leg(), f.level()));
            }
          }
          case FairValueGapIndicator f -> {
            if (ev instanceof FairValueGapEvent g
                && g.gap().timeframe().equals(f.timeframe())
                && g.gap().direction() == f.direction()) {
              if (g.change() == FvgChange.CREATED) {
                gap = g.gap();
              } else if (g.change() == FvgChange.FILLED && g.gap().equals(gap)) {
                gap = null;
              }
            }
            value =
                gap == null
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(f.edge() == ZoneEdge.TOP ? gap.top() : gap.bottom());
          }
          case PointOfInterestIndicator p -> {
            if (ev instanceof PoiArmedEvent a) {
              poi = a.poi();
            } else if (ev instanceof PoiDeadEvent d
                && poi != null
                && d.poi().id().equals(poi.id())) {
              poi = null;
            }
            value =
                poi == null
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(p.edge() == ZoneEdge.TOP ? poi.top() : poi.bottom());
          }
          case EntrySignalIndicator si -> {
            if (ev instanceof EntrySignal sig && sig.side() == si.side()) {
              value = OptionalDouble.of(sig.entry());
            }
          }
          default -> throw new IllegalStateException("unknown indicator " + ind);
        }
      }
      out[i] = value;
    }
    return out;
  }

  /** The leg's price at a level, written from the leg's fields (not {@link FibonacciLevel}). */
  private static double price(ImpulseLeg leg, FibonacciLevel level) {
    if (level == FibonacciLevel.LEG_START) {
      return leg.startPrice();
    }
    if (level == FibonacciLevel.LEG_END) {
      return leg.endPrice();
    }
    if (level == FibonacciLevel.GOLDEN) {
      return leg.goldenPrice();
    }
    return level == FibonacciLevel.ZONE_START ? leg.zoneStartPrice() : leg.zoneEndPrice();
  }

  /** Tells whether two indicator values are the same: both "no value", or the same number. */
  static boolean same(Num a, Num b) {
    return a.isNaN() ? b.isNaN() : !b.isNaN() && a.doubleValue() == b.doubleValue();
  }
}
