package org.smc4j.core.ta4j;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.poi.PointOfInterest;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The top or bottom of the armed point of interest (STRATEGY.md section 5) at the close of 5m bar
 * {@code i}. A POI is armed at the 15m close that freezes its leg (so it appears on the 5m bar
 * closing that quarter hour) and has a value until the close at which it dies (a close beyond the
 * leg start, its gap filled, a newer break, or old age); on that bar there is no value any more. It
 * keeps its value after it is tapped and after its signal: the signal's limit entry stays valid
 * while the POI lives.
 *
 * <p>No value ({@link #hasValue} false, ta4j {@code NaN}) while no POI is armed. {@link #poiAt}
 * gives the POI (its gap, leg, score parts).
 */
public final class PointOfInterestIndicator implements Indicator<Num> {

  private final StrategySeries source;
  private final ZoneEdge edge;

  /** The last value handed out and the event it came from: values repeat over many bars. */
  private int memoPosition = -1;

  private Num memo;

  /**
   * Creates the indicator.
   *
   * @param source the strategy run over the series
   * @param edge top or bottom of the POI
   */
  public PointOfInterestIndicator(StrategySeries source, ZoneEdge edge) {
    this.source = Objects.requireNonNull(source, "source");
    this.edge = Objects.requireNonNull(edge, "edge");
    source.require(StrategyEventKind.POI, this);
  }

  /** Returns the edge reported. */
  public ZoneEdge edge() {
    return edge;
  }

  /**
   * Returns the edge of the armed POI at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the price, or ta4j's {@code NaN} when no POI is armed
   */
  @Override
  public Num getValue(int i) {
    int p = source.slot(i, StrategySeries.POI);
    if (p < 0) {
      return StrategySeries.none();
    }
    if (p != memoPosition) {
      PointOfInterest poi = ((PoiArmedEvent) source.event(p)).poi();
      memo = source.num(edge == ZoneEdge.TOP ? poi.top() : poi.bottom());
      memoPosition = p;
    }
    return memo;
  }

  /**
   * Tells whether a POI is armed at the close of bar {@code i}.
   *
   * @param i a series index
   * @return true when {@link #getValue} is a price
   */
  public boolean hasValue(int i) {
    return source.slot(i, StrategySeries.POI) >= 0;
  }

  /**
   * Returns the POI armed at the close of bar {@code i}.
   *
   * @param i a series index
   * @return the POI
   */
  public Optional<PointOfInterest> poiAt(int i) {
    int p = source.slot(i, StrategySeries.POI);
    return p < 0 ? Optional.empty() : Optional.of(((PoiArmedEvent) source.event(p)).poi());
  }

  /** Returns the 5m bars before the 15m ATR, and so any POI, can exist. */
  @Override
  public int getCountOfUnstableBars() {
    return WarmUp.atr15(source.config());
  }

  @Override
  public BarSeries getBarSeries() {
    return source.barSeries();
  }

  @Override
  public String toString() {
    return "PointOfInterestIndicator[" + edge + "]";
  }
}
