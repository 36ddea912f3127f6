package org.smc4j.trading.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.ConfidenceScore;
import org.smc4j.core.signal.OrderType;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.SetupDetails;

/**
 * The one place where the strategy engine's {@link EntrySignal} becomes a backtest {@link
 * TradePlan}: MSS signals become market orders at the next open, FVG signals limit orders at the
 * gap's edge; stop, target and second target are taken as the engine computed them.
 */
public final class EntrySignalAdapter {

  private EntrySignalAdapter() {}

  /**
   * Converts a signal.
   *
   * @param symbol the instrument the signal is for
   * @param signal the engine's signal
   * @return the unsized plan
   */
  public static TradePlan toPlan(String symbol, EntrySignal signal) {
    PointOfInterest poi = signal.poi();
    ImpulseLeg leg = poi.leg();
    ConfidenceScore score = signal.score();
    List<String> parts = new ArrayList<>();
    if (score.decisiveBreak()) {
      parts.add("decisive-break");
    }
    if (score.poiHasFvg()) {
      parts.add("poi-fvg");
    }
    if (score.goldenPocket()) {
      parts.add("golden-pocket");
    }
    if (score.structureRetest()) {
      parts.add("retest");
    }
    if (score.displacement()) {
      parts.add("displacement");
    }
    Optional<SetupDetails> details = Optional.empty();
    double[] levels = {
      poi.top(),
      poi.bottom(),
      poi.fvg().top(),
      poi.fvg().bottom(),
      leg.zoneStartPrice(),
      leg.goldenPrice(),
      leg.zoneEndPrice(),
      leg.startPrice(),
      leg.endPrice(),
      leg.brokenLevel(),
      signal.triggerLevel()
    };
    // bad data (an outlier wick) can push a level out of the price range: the plan is then
    // refused by the pipeline with its prices; the setup is left out rather than thrown
    if (validPrices(levels) && Double.isFinite(signal.atr()) && signal.atr() >= 0) {
      details =
          Optional.of(
              new SetupDetails(
                  signal.trigger().name(),
                  score.total(),
                  parts,
                  poi.top(),
                  poi.bottom(),
                  poi.fvg().top(),
                  poi.fvg().bottom(),
                  leg.zoneStartPrice(),
                  leg.goldenPrice(),
                  leg.zoneEndPrice(),
                  leg.startPrice(),
                  leg.endPrice(),
                  leg.brokenLevel(),
                  Instant.ofEpochMilli(poi.armedTimeMillis()),
                  Instant.ofEpochMilli(signal.tapTimeMillis()),
                  signal.triggerLevel(),
                  signal.atr(),
                  Instant.ofEpochMilli(poi.fvg().originTimeMillis())));
    }
    return new TradePlan(
        signal.id(),
        signal.poiId(),
        symbol,
        signal.side(),
        signal.orderType() == OrderType.MARKET ? EntryKind.MARKET_NEXT_OPEN : EntryKind.LIMIT,
        signal.entry(),
        signal.stop(),
        signal.target(),
        signal.secondTarget(),
        Instant.ofEpochMilli(signal.knownAtTimeMillis()),
        details);
  }

  private static boolean validPrices(double[] prices) {
    for (double p : prices) {
      if (!Double.isFinite(p) || p <= 0) {
        return false;
      }
    }
    return true;
  }
}
