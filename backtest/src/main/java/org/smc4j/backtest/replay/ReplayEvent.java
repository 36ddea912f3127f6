package org.smc4j.backtest.replay;

import java.util.Objects;
import org.smc4j.trading.plan.TradePlan;

/**
 * What the strategy reported at the close of one 5m bar of a symbol and the backtest acts on.
 * {@code barIndex} is the index of that bar in the symbol's 5m series.
 */
public sealed interface ReplayEvent permits ReplayEvent.Signal, ReplayEvent.PoiDeath {

  /** Returns the 5m bar at whose close the event became known. */
  int barIndex();

  /**
   * An entry signal.
   *
   * @param barIndex the signal bar
   * @param plan the unsized plan
   */
  record Signal(int barIndex, TradePlan plan) implements ReplayEvent {

    /** Validates the event. */
    public Signal {
      Objects.requireNonNull(plan, "plan");
      if (barIndex < 0) {
        throw new IllegalArgumentException("barIndex must be >= 0, was " + barIndex);
      }
    }
  }

  /**
   * A POI died; a pending entry from it is cancelled.
   *
   * @param barIndex the bar at whose close it died
   * @param poiId the POI
   * @param reason why, e.g. {@code FVG_FILLED}
   */
  record PoiDeath(int barIndex, String poiId, String reason) implements ReplayEvent {

    /** Validates the event. */
    public PoiDeath {
      Objects.requireNonNull(poiId, "poiId");
      Objects.requireNonNull(reason, "reason");
      if (barIndex < 0) {
        throw new IllegalArgumentException("barIndex must be >= 0, was " + barIndex);
      }
    }
  }
}
