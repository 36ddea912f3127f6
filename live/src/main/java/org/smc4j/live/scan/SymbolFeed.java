package org.smc4j.live.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.broker.CandleBroker;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.pipeline.TradeDecision;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.PlanSizer;
import org.smc4j.trading.plan.TradePlan;

/**
 * One symbol's streaming strategy state: the same {@link StrategyEngine} the backtest replays (15m
 * derived from 5m inside it), fed each closed 5m candle once, in order. Signals become plans
 * through the shared {@link EntrySignalAdapter} and are decided by the shared {@link TradePipeline}
 * against this symbol's paper fills (a {@link CandleBroker} fed every candle, as the backtest's
 * simulated broker is), so the scanner takes and skips what the backtest does.
 *
 * <p>Signals on candles that close before {@code liveFromCloseMillis} are warm-up: the engine sees
 * them (its state must match a replay from the first candle) but they are not reported. Not
 * thread-safe; the loop feeds one symbol from one thread at a time.
 */
public final class SymbolFeed {

  /** How many of the latest candles are kept for a signal's chart. */
  static final int CHART_BARS = 240;

  private final String symbol;
  private final ContractSpec spec;
  private final PlanSizer sizer;
  private final TradePipeline pipeline;
  private final CandleBroker broker;
  private final Predicate<String> alreadyPublished;
  private final long liveFromCloseMillis;
  private final StrategyEngine engine;
  private final List<StrategyEvent> pending = new ArrayList<>();
  private long lastOpenMillis = Long.MIN_VALUE;
  // The latest candles for charts: a window of CHART_BARS, compacted when the arrays fill up.
  private final long[] recentTime = new long[2 * CHART_BARS];
  private final double[] recentOpen = new double[2 * CHART_BARS];
  private final double[] recentHigh = new double[2 * CHART_BARS];
  private final double[] recentLow = new double[2 * CHART_BARS];
  private final double[] recentClose = new double[2 * CHART_BARS];
  private final double[] recentVolume = new double[2 * CHART_BARS];
  private int recentFrom;
  private int recentTo;

  /**
   * Creates the feed.
   *
   * @param symbol the instrument
   * @param spec its contract spec
   * @param config the strategy parameters
   * @param sizer sizes each reported signal for the alert's size line
   * @param pipeline decides each reported signal, as the backtest does
   * @param broker this symbol's paper fills, fed every candle
   * @param alreadyPublished tells which signal keys were published before (not decided again)
   * @param liveFromCloseMillis signals known before this close are warm-up, not reported
   */
  SymbolFeed(
      String symbol,
      ContractSpec spec,
      StrategyConfig config,
      PlanSizer sizer,
      TradePipeline pipeline,
      CandleBroker broker,
      Predicate<String> alreadyPublished,
      long liveFromCloseMillis) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.sizer = Objects.requireNonNull(sizer, "sizer");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.broker = Objects.requireNonNull(broker, "broker");
    this.alreadyPublished = Objects.requireNonNull(alreadyPublished, "alreadyPublished");
    this.liveFromCloseMillis = liveFromCloseMillis;
    this.engine =
        new StrategyEngine(
            config,
            spec.tickSize().doubleValue(),
            StrategyEventListener.only(
                EnumSet.of(StrategyEventKind.POI, StrategyEventKind.ENTRY_SIGNAL),
                event -> {
                  if (event instanceof EntrySignal || event instanceof PoiDeadEvent) {
                    pending.add(event);
                  }
                }));
  }

  String symbol() {
    return symbol;
  }

  /** Returns true once a candle has been fed. */
  boolean warmedUp() {
    return lastOpenMillis != Long.MIN_VALUE;
  }

  /** Returns the close time of the last candle fed; only valid when {@link #warmedUp()}. */
  long lastCloseMillis() {
    return lastOpenMillis + Timeframe.M5.millis();
  }

  /**
   * Feeds the candles not fed yet (those opening after the last one fed) and returns the signals
   * they produced at or after the live start, in the order they became known.
   *
   * @param bars ascending closed 5m candles, possibly overlapping what was fed before
   * @return the new live signals, sized
   */
  List<ScanSignal> feed(BarArrays bars) {
    List<ScanSignal> out = new ArrayList<>();
    long[] t = bars.openTimeMillisUnsafe();
    double[] o = bars.openUnsafe();
    double[] h = bars.highUnsafe();
    double[] l = bars.lowUnsafe();
    double[] c = bars.closeUnsafe();
    double[] v = bars.volumeUnsafe();
    for (int i = 0; i < t.length; i++) {
      if (t[i] <= lastOpenMillis) {
        continue;
      }
      // as in the backtest: the paper broker first processes the candle (fills, exits), then the
      // events known at its close apply in the order the strategy made them
      broker.onBar(bars, i);
      engine.onBar(t[i], o[i], h[i], l[i], c[i], v[i]);
      lastOpenMillis = t[i];
      remember(t[i], o[i], h[i], l[i], c[i], v[i]);
      Instant closeTime = Instant.ofEpochMilli(bars.closeTimeMillis(i));
      // A signal followed by more candles in this feed was found while catching up: what those
      // candles did to its entry or POI decides whether it can still be acted on.
      for (int k = 0; k < out.size(); k++) {
        ScanSignal s = out.get(k);
        if (s.stale().isEmpty() && tradedThrough(s.plan(), h[i], l[i])) {
          out.set(
              k,
              s.withStale(
                  new StaleEntry(
                      StaleEntry.Kind.ENTRY_TRADED,
                      closeTime,
                      String.format(
                          Locale.ROOT,
                          "%s entry %s, candle %s %s",
                          s.plan().side(),
                          s.plan().entry(),
                          s.plan().side() == Side.LONG ? "low" : "high",
                          s.plan().side() == Side.LONG ? l[i] : h[i]))));
        }
      }
      for (StrategyEvent event : pending) {
        if (event instanceof PoiDeadEvent d) {
          broker.cancelPendingForPoi(d.poi().id(), closeTime, "POI died: " + d.reason());
          for (int k = 0; k < out.size(); k++) {
            ScanSignal s = out.get(k);
            if (s.stale().isEmpty() && s.plan().poiId().equals(d.poi().id())) {
              out.set(
                  k,
                  s.withStale(
                      new StaleEntry(StaleEntry.Kind.POI_DEAD, closeTime, d.reason().name())));
            }
          }
        } else if (event instanceof EntrySignal s && s.knownAtTimeMillis() >= liveFromCloseMillis) {
          TradePlan plan = EntrySignalAdapter.toPlan(symbol, s);
          String key = ScanSignal.keyOf(symbol, plan.side(), plan.signalTime());
          if (alreadyPublished.test(key)) {
            continue;
          }
          TradeDecision decision = pipeline.onSignal(plan, spec, broker);
          out.add(new ScanSignal(key, s, plan, sizer.size(plan, spec), decision, spec, recent()));
        }
      }
      pending.clear();
    }
    return out;
  }

  /** Whether a candle after the signal bar reached the limit entry (a market entry never rests). */
  private static boolean tradedThrough(TradePlan plan, double high, double low) {
    if (plan.entryKind() != EntryKind.LIMIT) {
      return false;
    }
    return plan.side() == Side.LONG ? low <= plan.entry() : high >= plan.entry();
  }

  private void remember(long t, double o, double h, double l, double c, double v) {
    if (recentTo == recentTime.length) {
      int keep = CHART_BARS - 1;
      int from = recentTo - keep;
      System.arraycopy(recentTime, from, recentTime, 0, keep);
      System.arraycopy(recentOpen, from, recentOpen, 0, keep);
      System.arraycopy(recentHigh, from, recentHigh, 0, keep);
      System.arraycopy(recentLow, from, recentLow, 0, keep);
      System.arraycopy(recentClose, from, recentClose, 0, keep);
      System.arraycopy(recentVolume, from, recentVolume, 0, keep);
      recentFrom = 0;
      recentTo = keep;
    }
    recentTime[recentTo] = t;
    recentOpen[recentTo] = o;
    recentHigh[recentTo] = h;
    recentLow[recentTo] = l;
    recentClose[recentTo] = c;
    recentVolume[recentTo] = v;
    recentTo++;
    recentFrom = Math.max(recentFrom, recentTo - CHART_BARS);
  }

  private BarArrays recent() {
    return BarArrays.wrapUnsafe(
        Timeframe.M5,
        Arrays.copyOfRange(recentTime, recentFrom, recentTo),
        Arrays.copyOfRange(recentOpen, recentFrom, recentTo),
        Arrays.copyOfRange(recentHigh, recentFrom, recentTo),
        Arrays.copyOfRange(recentLow, recentFrom, recentTo),
        Arrays.copyOfRange(recentClose, recentFrom, recentTo),
        Arrays.copyOfRange(recentVolume, recentFrom, recentTo));
  }
}
