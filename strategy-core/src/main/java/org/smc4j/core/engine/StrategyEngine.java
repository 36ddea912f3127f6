package org.smc4j.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smc4j.core.atr.WilderAtr;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.poi.PoiDeathReason;
import org.smc4j.core.structure.Direction;

/**
 * The strategy of STRATEGY.md sections 1-7 as one streaming, causal state machine over closed 5m
 * candles: swings on both timeframes, 15m breaks of structure, the impulse leg and its Fibonacci
 * zone, fair value gaps on both timeframes, the 15m point of interest and the 5m entry signal with
 * its confidence score. Long and short are the same code: the bearish side runs the bullish rules
 * on negated prices.
 *
 * <p>Feed 5m candles in open-time order with {@link #onBar}; every event is passed to the listener
 * at the close where it became known (see {@link StrategyEvent} for the stamps). The 15m context is
 * either derived from the 5m candles ({@link #StrategyEngine the constructor}) or supplied ({@link
 * #withSuppliedContext}, {@link #onContextBar}). The batch entry points {@link #run(BarArrays,
 * StrategyConfig, double)} and {@link #run(BarArrays, BarArrays, StrategyConfig, double)} call
 * {@code onBar} in a loop, so live and batch results are identical.
 *
 * <p>Cost: amortised O(1) work per 5m bar and no allocation except the events emitted. Warm-up:
 * nothing that needs an ATR (breaks, gaps, signals) is reported before bar {@link
 * StrategyConfig#stableFrom()} of its timeframe; swing points are reported from the first bar where
 * they are known. Not thread-safe: one engine per instrument, fed by one thread.
 *
 * <p>See the package documentation for the order of work within one close and the decisions taken
 * where STRATEGY.md is silent.
 */
public final class StrategyEngine {

  private static final long M5 = Timeframe.M5.millis();
  private static final long M15 = Timeframe.M15.millis();

  private final StrategyConfig config;
  private final double tickSize;
  private final StrategyEventListener listener;
  private final boolean suppliedContext;

  private final WilderAtr atr5;
  private final WilderAtr atr15;
  private final DirectionState bull;
  private final DirectionState bear;
  private final GapFinder gaps;
  private final ContextCandleStage candles;
  private final BreakStage breaks;
  private final LegStage leg;
  private final PoiStage pois;
  private final EntryStage entry;

  private int bar5 = -1;
  private long lastOpen5 = Long.MIN_VALUE;
  private int bar15 = -1;
  private long lastOpen15 = Long.MIN_VALUE;

  /**
   * Creates an engine that derives its 15m candles from the 5m candles: buckets aligned to 00:00
   * UTC, a 15m candle made of the 5m candles opening at {@code :00}, {@code :05} and {@code :10} of
   * its quarter hour, visible at the close of the third; a bucket missing any of them is dropped.
   *
   * @param config the strategy parameters
   * @param tickSize the instrument's price increment, {@code > 0}
   * @param listener receives every event, synchronously inside {@link #onBar}
   * @throws IllegalArgumentException when the tick size is not positive and finite
   */
  public StrategyEngine(StrategyConfig config, double tickSize, StrategyEventListener listener) {
    this(config, tickSize, listener, false);
  }

  private StrategyEngine(
      StrategyConfig config,
      double tickSize,
      StrategyEventListener listener,
      boolean suppliedContext) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (!(tickSize > 0) || !Double.isFinite(tickSize)) {
      throw new IllegalArgumentException("tickSize must be > 0 and finite, was " + tickSize);
    }
    this.tickSize = tickSize;
    this.suppliedContext = suppliedContext;
    Set<StrategyEventKind> kinds = EnumSet.noneOf(StrategyEventKind.class);
    kinds.addAll(listener.kinds());
    boolean emitFvg15 = kinds.contains(StrategyEventKind.FVG_15M);
    this.atr5 = new WilderAtr(config.atrPeriod());
    this.atr15 = new WilderAtr(config.atrPeriod());
    this.bull = new DirectionState(Direction.BULLISH, config, emitFvg15);
    this.bear = new DirectionState(Direction.BEARISH, config, emitFvg15);
    this.gaps = new GapFinder(tickSize, config.gaps().minAtr(), listener);
    this.candles = new ContextCandleStage();
    this.breaks = new BreakStage(config, listener, kinds);
    this.leg = new LegStage(config, listener, kinds);
    this.pois = new PoiStage(config, listener, kinds);
    this.entry = new EntryStage(config, tickSize, listener, kinds, bull, bear, atr5, gaps, pois);
  }

  /**
   * Creates an engine that takes its 15m candles from {@link #onContextBar} instead of deriving
   * them. A supplied 15m candle is applied at the close of the first 5m candle whose close time is
   * at or after the 15m close time (normally the 5m candle closing at the same instant), before
   * that 5m candle's own logic.
   *
   * @param config the strategy parameters
   * @param tickSize the instrument's price increment, {@code > 0}
   * @param listener receives every event
   * @return the engine
   * @throws IllegalArgumentException when the tick size is not positive and finite
   */
  public static StrategyEngine withSuppliedContext(
      StrategyConfig config, double tickSize, StrategyEventListener listener) {
    return new StrategyEngine(config, tickSize, listener, true);
  }

  /**
   * Runs the engine over 5m candles, deriving the 15m candles, and collects the events.
   *
   * @param fiveMinute 5m candles in open-time order, on the 5m grid
   * @param config the strategy parameters
   * @param tickSize the instrument's price increment
   * @return the events and bar counts
   * @throws IllegalArgumentException when the candles are not 5m or the tick size is invalid
   */
  public static StrategyRun run(BarArrays fiveMinute, StrategyConfig config, double tickSize) {
    checkTimeframe("fiveMinute", fiveMinute, Timeframe.M5);
    List<StrategyEvent> events = new ArrayList<>();
    StrategyEngine engine = new StrategyEngine(config, tickSize, events::add);
    feed(engine, fiveMinute, 0, fiveMinute.size());
    return new StrategyRun(events, engine.barCount(), engine.contextBarCount());
  }

  /**
   * Runs the engine over 5m candles with supplied 15m candles and collects the events. Each 15m
   * candle is applied at the close of the first 5m candle closing at or after it.
   *
   * @param fiveMinute 5m candles in open-time order, on the 5m grid
   * @param fifteenMinute 15m candles in open-time order, on the 15m grid
   * @param config the strategy parameters
   * @param tickSize the instrument's price increment
   * @return the events and bar counts
   * @throws IllegalArgumentException when the timeframes are wrong or the tick size is invalid
   */
  public static StrategyRun run(
      BarArrays fiveMinute, BarArrays fifteenMinute, StrategyConfig config, double tickSize) {
    checkTimeframe("fiveMinute", fiveMinute, Timeframe.M5);
    checkTimeframe("fifteenMinute", fifteenMinute, Timeframe.M15);
    List<StrategyEvent> events = new ArrayList<>();
    StrategyEngine engine = withSuppliedContext(config, tickSize, events::add);
    long[] t5 = fiveMinute.openTimeMillisUnsafe();
    long[] t15 = fifteenMinute.openTimeMillisUnsafe();
    double[] o15 = fifteenMinute.openUnsafe();
    double[] h15 = fifteenMinute.highUnsafe();
    double[] l15 = fifteenMinute.lowUnsafe();
    double[] c15 = fifteenMinute.closeUnsafe();
    double[] v15 = fifteenMinute.volumeUnsafe();
    int k = 0;
    int n15 = t15.length;
    for (int i = 0; i < t5.length; i++) {
      long close5 = t5[i] + M5;
      while (k < n15 && t15[k] + M15 <= close5) {
        engine.onContextBar(t15[k], o15[k], h15[k], l15[k], c15[k], v15[k]);
        k++;
      }
      feed(engine, fiveMinute, i, i + 1);
    }
    return new StrategyRun(events, engine.barCount(), engine.contextBarCount());
  }

  private static void checkTimeframe(String name, BarArrays bars, Timeframe expected) {
    Objects.requireNonNull(bars, name);
    if (!bars.timeframe().equals(expected)) {
      throw new IllegalArgumentException(
          name + " must be " + expected + " candles, was " + bars.timeframe());
    }
  }

  private static void feed(StrategyEngine engine, BarArrays bars, int from, int to) {
    long[] t = bars.openTimeMillisUnsafe();
    double[] o = bars.openUnsafe();
    double[] h = bars.highUnsafe();
    double[] l = bars.lowUnsafe();
    double[] c = bars.closeUnsafe();
    double[] v = bars.volumeUnsafe();
    for (int i = from; i < to; i++) {
      engine.onBar(t[i], o[i], h[i], l[i], c[i], v[i]);
    }
  }

  /** Returns the configuration. */
  public StrategyConfig config() {
    return config;
  }

  /** Returns the tick size. */
  public double tickSize() {
    return tickSize;
  }

  /** Returns true when 15m candles come from {@link #onContextBar} rather than being derived. */
  public boolean suppliedContext() {
    return suppliedContext;
  }

  /** Returns the number of 5m candles processed; the last one has index {@code barCount() - 1}. */
  public int barCount() {
    return bar5 + 1;
  }

  /** Returns the number of 15m candles applied so far. */
  public int contextBarCount() {
    return bar15 + 1;
  }

  /**
   * Returns the first 5m bar index from which ATR-based results (5m gaps, signals) can appear, and
   * equally the first 15m bar index for 15m breaks and gaps: {@code atrPeriod - 1}.
   *
   * @return {@code config().stableFrom()}
   */
  public int stableFrom() {
    return config.stableFrom();
  }

  /**
   * Supplies the next 15m candle (only for an engine made by {@link #withSuppliedContext}). It is
   * queued and applied at the close of the first 5m candle given to {@link #onBar} whose close time
   * is at or after the 15m close time, before that 5m candle's logic. Supply the 15m candle before
   * the 5m candle that closes at the same instant.
   *
   * @param openTimeMillis the 15m open time, epoch ms UTC, on the 15m grid, after the previous one
   * @param open the open
   * @param high the high
   * @param low the low
   * @param close the close
   * @param volume the volume
   * @throws IllegalStateException when the engine derives its 15m candles
   * @throws IllegalArgumentException when the candle is invalid, off the 15m grid or not after the
   *     previous one
   */
  public void onContextBar(
      long openTimeMillis, double open, double high, double low, double close, double volume) {
    if (!suppliedContext) {
      throw new IllegalStateException(
          "this engine derives its 15m candles from the 5m candles; create it with"
              + " withSuppliedContext to supply them");
    }
    check(
        "15m candle ",
        bar15 + candles.queued() + 1,
        openTimeMillis,
        open,
        high,
        low,
        close,
        volume);
    if (Math.floorMod(openTimeMillis, M15) != 0) {
      throw new IllegalArgumentException(
          "15m candle at "
              + Instant.ofEpochMilli(openTimeMillis)
              + ": open time must be on the 15m grid");
    }
    if (openTimeMillis <= lastOpen15) {
      throw new IllegalArgumentException(
          "15m candle at "
              + Instant.ofEpochMilli(openTimeMillis)
              + ": open time must be after the previous 15m candle's "
              + Instant.ofEpochMilli(lastOpen15));
    }
    lastOpen15 = openTimeMillis;
    candles.enqueue(openTimeMillis, open, high, low, close, volume);
  }

  /**
   * Processes the next closed 5m candle: first the 15m close it completes (derived or supplied),
   * then the 5m logic. Events are passed to the listener before this method returns.
   *
   * @param openTimeMillis the open time, epoch ms UTC, on the 5m grid, after the previous candle
   * @param open the open
   * @param high the high
   * @param low the low
   * @param close the close
   * @param volume the volume
   * @throws IllegalArgumentException when the candle is invalid (message names the bar), off the 5m
   *     grid or not after the previous one; the engine's state is then unchanged
   */
  public void onBar(
      long openTimeMillis, double open, double high, double low, double close, double volume) {
    // A remainder of zero is the same test as Math.floorMod's, without its sign correction.
    if (openTimeMillis <= lastOpen5 || openTimeMillis % M5 != 0) {
      throw new IllegalArgumentException(
          "5m candle "
              + (bar5 + 1)
              + " ("
              + Instant.ofEpochMilli(openTimeMillis)
              + "): open time must be on the 5m grid and after the previous candle's "
              + (lastOpen5 == Long.MIN_VALUE ? "(none)" : Instant.ofEpochMilli(lastOpen5)));
    }
    // One combined test for the valid case (every comparison is false for NaN and the bounds make
    // every value finite); only a bar that fails it goes through the check that names the problem.
    boolean plain =
        low > 0
            & high >= low
            & high < Double.POSITIVE_INFINITY
            & open >= low
            & open <= high
            & close >= low
            & close <= high
            & volume >= 0
            & volume < Double.POSITIVE_INFINITY;
    if (!plain) {
      check("5m candle ", bar5 + 1, openTimeMillis, open, high, low, close, volume);
    }
    int i = ++bar5;
    lastOpen5 = openTimeMillis;
    long closeTime = openTimeMillis + M5;
    atr5.update(high, low, close);
    ContextCandleStage cc = candles;
    if (suppliedContext) {
      while (cc.pollDue(closeTime)) {
        context(cc.openTime(), cc.high(), cc.low(), cc.close());
      }
    } else if (cc.aggregate(openTimeMillis, open, high, low, close, volume)) {
      context(cc.openTime(), cc.high(), cc.low(), cc.close());
    }
    entry.onClose(i, openTimeMillis, closeTime, high, low, close);
  }

  private static void check(
      String what,
      int index,
      long openTimeMillis,
      double open,
      double high,
      double low,
      double close,
      double volume) {
    Optional<String> problem = BarArrays.ohlcvProblem(open, high, low, close, volume);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(
          what + index + " (" + Instant.ofEpochMilli(openTimeMillis) + "): " + problem.get());
    }
  }

  /**
   * The 15m close: the order of work is the package documentation's. The open and volume of the
   * candle are not used by the strategy.
   */
  private void context(long t, double h, double l, double c) {
    int k = ++bar15;
    long closeTime = t + M15;
    int i5 = bar5;
    atr15.update(h, l, c);
    boolean atrReady = atr15.ready();
    double atr = atr15.value();
    DirectionState up = bull;
    DirectionState down = bear;
    up.w15.push(h, l, t);
    down.w15.push(-l, -h, t);

    up.fvg15.update(l, c, k, closeTime, i5, listener);
    down.fvg15.update(-h, -c, k, closeTime, i5, listener);

    PoiStage p = pois;
    p.onContextClose(c, k, closeTime, i5);

    boolean newLeg = false;
    if (breaks.test(up, k, t, closeTime, i5, l, c, atrReady, atr)) {
      newLeg = true;
      startLeg(up, k, t, closeTime, i5, h);
    }
    if (breaks.test(down, k, t, closeTime, i5, -h, -c, atrReady, atr)) {
      newLeg = true;
      startLeg(down, k, t, closeTime, i5, -l);
    }

    // A leg replaced at this close is neither frozen nor extended by it.
    boolean frozeNow = !newLeg && leg.update(h, l, t, k, closeTime, i5);

    p.checkAge(k, closeTime, i5);

    if (atrReady) {
      if (gaps.isGap(up.w15, k, atr)) {
        gaps.add(up.fvg15, up.w15, k, closeTime, i5);
      }
      if (gaps.isGap(down.w15, k, atr)) {
        gaps.add(down.fvg15, down.w15, k, closeTime, i5);
      }
    }

    int upPivot = up.w15.pivotAtLatest();
    if (upPivot >= 0) {
      breaks.registerSwing(up, upPivot, k, closeTime, i5);
      frozeNow |= leg.freezeBySwing(up, upPivot, k, closeTime, i5);
    }
    int downPivot = down.w15.pivotAtLatest();
    if (downPivot >= 0) {
      breaks.registerSwing(down, downPivot, k, closeTime, i5);
      frozeNow |= leg.freezeBySwing(down, downPivot, k, closeTime, i5);
    }

    if (frozeNow && p.arm(leg, k, closeTime, i5, c, atr)) {
      entry.armed();
    }
  }

  /** A break of side {@code d} at 15m close {@code k}: kills the POI and replaces the leg. */
  private void startLeg(DirectionState d, int k, long t, long closeTime, int i5, double dh) {
    if (pois.alive()) {
      pois.kill(PoiDeathReason.REPLACED_BY_NEW_BREAK, k, closeTime, i5);
    }
    leg.replace(d, breaks.type(), breaks.decisive(), k, t, closeTime, i5, dh);
  }
}
