package org.smc4j.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.internal.FvgBook;
import org.smc4j.core.engine.internal.SwingWindow;
import org.smc4j.core.engine.internal.WilderAtr;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fib.LegChange;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.fvg.FvgChange;
import org.smc4j.core.poi.PoiDeathReason;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.ConfidenceScore;
import org.smc4j.core.signal.OrderType;
import org.smc4j.core.signal.Side;
import org.smc4j.core.signal.TriggerType;
import org.smc4j.core.structure.BreakType;
import org.smc4j.core.structure.Direction;
import org.smc4j.core.structure.SwingType;

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

  /** Relative tolerance on "at least one tick", absorbing binary rounding of decimal prices. */
  private static final double TICK_TOLERANCE = 1e-6;

  private final StrategyConfig config;
  private final double tickSize;
  private final StrategyEventListener listener;
  private final boolean suppliedContext;

  private final int confirmBars;
  private final double minBreakAtr;
  private final double decisiveBreakAtr;
  private final double retestAtr;
  private final boolean continuationOnly;
  private final double fibZoneStart;
  private final double fibGolden;
  private final double fibZoneEnd;
  private final double minGapAtr;
  private final double minGapTicks;
  private final int poiMaxAgeBars;
  private final double stopBufferPrice;
  private final double stopBufferAtr;
  private final double rewardRisk;
  private final boolean secondTarget;

  private final boolean emitSwing5;
  private final boolean emitSwing15;
  private final boolean emitBreak;
  private final boolean emitLeg;
  private final boolean emitFvg5;
  private final boolean emitPoi;
  private final boolean emitSignal;

  private final WilderAtr atr5;
  private final WilderAtr atr15;
  private final DirectionState bull;
  private final DirectionState bear;

  private int bar5 = -1;
  private long lastOpen5 = Long.MIN_VALUE;
  private int bar15 = -1;
  private long lastOpen15 = Long.MIN_VALUE;

  private long bucketStart = Long.MIN_VALUE;
  private int bucketBars;
  private double bucketOpen;
  private double bucketHigh;
  private double bucketLow;
  private double bucketClose;
  private double bucketVolume;

  private long[] queueOpenTime = new long[4];
  private double[] queueValues = new double[4 * 5];
  private int queueHead;
  private int queueSize;

  private int lastBreakSign;

  private DirectionState legSide;
  private boolean legFrozen;
  private String legId;
  private BreakType legType;
  private double legBrokenLevel;
  private int legBrokenSwingIndex;
  private boolean legDecisive;
  private int legBreakIndex;
  private double legStart;
  private int legStartIndex;
  private long legStartTime;
  private double legEnd;
  private int legEndIndex;
  private long legEndTime;
  private ImpulseLeg legValue;

  private PointOfInterest poi;
  private DirectionState poiSide;
  private double poiBottom;
  private double poiTop;
  private double poiFvgBottom;
  private double poiLegStart;
  private double poiLegEnd;
  private int poiArmedIndex;
  private int poiArmed5mIndex;
  private boolean poiTapped;
  private int poiTapIndex;
  private long poiTapTime;
  private double poiLowSinceTap;
  private boolean poiSignalled;

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
    this.confirmBars = config.breaks().confirmBars();
    this.minBreakAtr = config.breaks().minAtr();
    this.decisiveBreakAtr = config.score().decisiveBreakAtr();
    this.retestAtr = config.score().retestAtr();
    this.continuationOnly = config.breaks().continuationOnly();
    this.fibZoneStart = config.fib().zoneStart();
    this.fibGolden = config.fib().golden();
    this.fibZoneEnd = config.fib().zoneEnd();
    this.minGapAtr = config.gaps().minAtr();
    this.minGapTicks = tickSize * (1 - TICK_TOLERANCE);
    this.poiMaxAgeBars = config.poi().maxAgeBars();
    this.stopBufferPrice = config.stop().bufferTicks() * tickSize;
    this.stopBufferAtr = config.stop().bufferAtr();
    this.rewardRisk = config.exits().rewardRisk();
    this.secondTarget = config.exits().secondTarget();
    Set<StrategyEventKind> kinds = EnumSet.noneOf(StrategyEventKind.class);
    kinds.addAll(listener.kinds());
    this.emitSwing5 = kinds.contains(StrategyEventKind.SWING_5M);
    this.emitSwing15 = kinds.contains(StrategyEventKind.SWING_15M);
    this.emitBreak = kinds.contains(StrategyEventKind.STRUCTURE_BREAK);
    this.emitLeg = kinds.contains(StrategyEventKind.IMPULSE_LEG);
    this.emitFvg5 = kinds.contains(StrategyEventKind.FVG_5M);
    this.emitPoi = kinds.contains(StrategyEventKind.POI);
    this.emitSignal = kinds.contains(StrategyEventKind.ENTRY_SIGNAL);
    boolean emitFvg15 = kinds.contains(StrategyEventKind.FVG_15M);
    this.atr5 = new WilderAtr(config.atrPeriod());
    this.atr15 = new WilderAtr(config.atrPeriod());
    this.bull = new DirectionState(Direction.BULLISH, config, emitFvg15);
    this.bear = new DirectionState(Direction.BEARISH, config, emitFvg15);
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
    check("15m candle ", bar15 + queueSize + 1, openTimeMillis, open, high, low, close, volume);
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
    if (queueSize == queueOpenTime.length) {
      long[] times = new long[queueSize * 2];
      double[] values = new double[queueSize * 2 * 5];
      for (int q = 0; q < queueSize; q++) {
        int from = (queueHead + q) % queueOpenTime.length;
        times[q] = queueOpenTime[from];
        System.arraycopy(queueValues, from * 5, values, q * 5, 5);
      }
      queueOpenTime = times;
      queueValues = values;
      queueHead = 0;
    }
    int slot = (queueHead + queueSize) % queueOpenTime.length;
    queueOpenTime[slot] = openTimeMillis;
    queueValues[slot * 5] = open;
    queueValues[slot * 5 + 1] = high;
    queueValues[slot * 5 + 2] = low;
    queueValues[slot * 5 + 3] = close;
    queueValues[slot * 5 + 4] = volume;
    queueSize++;
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
    if (suppliedContext) {
      drainQueue(closeTime);
    } else {
      aggregate(openTimeMillis, open, high, low, close, volume);
    }
    fiveMinute(i, openTimeMillis, closeTime, high, low, close);
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

  private void aggregate(long t, double o, double h, double l, double c, double v) {
    long start = t - Math.floorMod(t, M15);
    if (t == start) {
      bucketStart = start;
      bucketBars = 1;
      bucketOpen = o;
      bucketHigh = h;
      bucketLow = l;
      bucketClose = c;
      bucketVolume = v;
    } else if (start == bucketStart && bucketBars > 0 && t - start == bucketBars * M5) {
      bucketBars++;
      if (h > bucketHigh) {
        bucketHigh = h;
      }
      if (l < bucketLow) {
        bucketLow = l;
      }
      bucketClose = c;
      bucketVolume += v;
    } else {
      // The bucket's first 5m candle is missing (a gap or a series starting mid-bucket): drop it.
      bucketStart = start;
      bucketBars = 0;
    }
    if (bucketBars == 3) {
      bucketBars = 0;
      context(bucketStart, bucketOpen, bucketHigh, bucketLow, bucketClose, bucketVolume);
    }
  }

  private void drainQueue(long closeTime) {
    while (queueSize > 0 && queueOpenTime[queueHead] + M15 <= closeTime) {
      int slot = queueHead;
      int b = slot * 5;
      double[] q = queueValues;
      queueHead = (queueHead + 1) % queueOpenTime.length;
      queueSize--;
      context(queueOpenTime[slot], q[b], q[b + 1], q[b + 2], q[b + 3], q[b + 4]);
    }
  }

  // ---------------------------------------------------------------- 15m close

  private void context(long t, double o, double h, double l, double c, double v) {
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

    if (poi != null) {
      double dc = poiSide.sign * c;
      if (dc < poiLegStart) {
        killPoi(PoiDeathReason.CLOSE_BEYOND_LEG_START, k, closeTime, i5);
      } else if (dc < poiFvgBottom) {
        killPoi(PoiDeathReason.FVG_FILLED, k, closeTime, i5);
      }
    }

    boolean newLeg = testBreak(up, k, t, closeTime, i5, h, l, c, atrReady, atr);
    newLeg |= testBreak(down, k, t, closeTime, i5, -l, -h, -c, atrReady, atr);

    boolean frozeNow = false;
    if (legSide != null && !legFrozen && !newLeg) {
      DirectionState d = legSide;
      double dh = d.sign > 0 ? h : -l;
      double dl = d.sign > 0 ? l : -h;
      double half = legEnd - fibZoneStart * (legEnd - legStart);
      if (dl <= half) {
        legFrozen = true;
        frozeNow = true;
        if (emitLeg) {
          listener.onEvent(
              new ImpulseLegEvent(LegChange.FROZEN_BY_RETRACEMENT, leg(), k, closeTime, i5));
        }
      } else if (dh > legEnd) {
        legEnd = dh;
        legEndIndex = k;
        legEndTime = t;
        legValue = null;
        if (emitLeg) {
          listener.onEvent(new ImpulseLegEvent(LegChange.EXTENDED, leg(), k, closeTime, i5));
        }
      }
    }

    if (poi != null && k - poiArmedIndex >= poiMaxAgeBars) {
      killPoi(PoiDeathReason.MAX_AGE, k, closeTime, i5);
    }

    if (atrReady) {
      if (isGap(up.w15, k, atr)) {
        addGap(up.fvg15, up.w15, k, closeTime, i5);
      }
      if (isGap(down.w15, k, atr)) {
        addGap(down.fvg15, down.w15, k, closeTime, i5);
      }
    }

    int upPivot = up.w15.pivotAtLatest();
    if (upPivot >= 0) {
      frozeNow |= registerSwing15(up, upPivot, k, closeTime, i5);
    }
    int downPivot = down.w15.pivotAtLatest();
    if (downPivot >= 0) {
      frozeNow |= registerSwing15(down, downPivot, k, closeTime, i5);
    }

    if (frozeNow) {
      armPoi(k, closeTime, i5, c, atr);
    }
  }

  private boolean testBreak(
      DirectionState d,
      int k,
      long t,
      long closeTime,
      int i5,
      double dh,
      double dl,
      double dc,
      boolean atrReady,
      double atr) {
    if (!d.hasCandidate) {
      return false;
    }
    if (dl <= d.candidateMinLow) {
      d.candidateMinLow = dl;
      d.candidateMinLowIndex = k;
      d.candidateMinLowTime = t;
    }
    if (!(dc > d.candidateLevel)) {
      d.candidateRun = 0;
      return false;
    }
    d.candidateRun++;
    return confirmBreak(d, k, t, closeTime, i5, dh, dc, atrReady, atr);
  }

  /** The rest of testBreak, out of line: the close is beyond the candidate level. */
  private boolean confirmBreak(
      DirectionState d,
      int k,
      long t,
      long closeTime,
      int i5,
      double dh,
      double dc,
      boolean atrReady,
      double atr) {
    double level = d.candidateLevel;
    if (d.candidateRun < confirmBars || !atrReady || dc - level < minBreakAtr * atr) {
      return false;
    }
    BreakType type =
        lastBreakSign == 0 || lastBreakSign == d.sign ? BreakType.BOS : BreakType.CHOCH;
    lastBreakSign = d.sign;
    boolean decisive = dc - level >= decisiveBreakAtr * atr;
    int s = d.sign;
    if (emitBreak) {
      listener.onEvent(
          new StructureBreakEvent(
              d.direction,
              type,
              s * level,
              d.candidateIndex,
              d.candidateTime,
              s * dc,
              atr,
              decisive,
              k,
              t,
              closeTime,
              i5));
    }
    if (poi != null) {
      killPoi(PoiDeathReason.REPLACED_BY_NEW_BREAK, k, closeTime, i5);
    }
    if (legSide != null && emitLeg) {
      listener.onEvent(new ImpulseLegEvent(LegChange.REPLACED, leg(), k, closeTime, i5));
    }
    legSide = d;
    legFrozen = false;
    legId = (s > 0 ? "leg-L-" : "leg-S-") + closeTime;
    legType = type;
    legBrokenLevel = level;
    legBrokenSwingIndex = d.candidateIndex;
    legDecisive = decisive;
    legBreakIndex = k;
    legStart = d.candidateMinLow;
    legStartIndex = d.candidateMinLowIndex;
    legStartTime = d.candidateMinLowTime;
    legEnd = dh;
    legEndIndex = k;
    legEndTime = t;
    legValue = null;
    d.hasCandidate = false;
    if (emitLeg) {
      listener.onEvent(new ImpulseLegEvent(LegChange.CREATED, leg(), k, closeTime, i5));
    }
    return true;
  }

  /** Returns the current leg's snapshot, built once per change and only when needed. */
  private ImpulseLeg leg() {
    if (legValue == null) {
      legValue = legSnapshot();
    }
    return legValue;
  }

  private ImpulseLeg legSnapshot() {
    int s = legSide.sign;
    double start = s * legStart;
    double end = s * legEnd;
    return new ImpulseLeg(
        legId,
        legSide.direction,
        legType,
        s * legBrokenLevel,
        legBrokenSwingIndex,
        legDecisive,
        legBreakIndex,
        legStartIndex,
        legStartTime,
        start,
        legEndIndex,
        legEndTime,
        end,
        end - fibZoneStart * (end - start),
        end - fibGolden * (end - start),
        end - fibZoneEnd * (end - start));
  }

  private boolean registerSwing15(DirectionState d, int p, int k, long closeTime, int i5) {
    SwingWindow w = d.w15;
    double level = w.hi(p);
    long pivotTime = w.time(p);
    if (emitSwing15) {
      listener.onEvent(
          new SwingPointEvent(
              Timeframe.M15, d.swingType, d.sign * level, p, pivotTime, k, closeTime, i5));
    }
    d.hasCandidate = true;
    d.candidateLevel = level;
    d.candidateIndex = p;
    d.candidateTime = pivotTime;
    d.candidateRun = 0;
    double min = Double.POSITIVE_INFINITY;
    int minIndex = p;
    for (int q = p; q <= k; q++) {
      double x = w.lo(q);
      if (x <= min) {
        min = x;
        minIndex = q;
      }
    }
    d.candidateMinLow = min;
    d.candidateMinLowIndex = minIndex;
    d.candidateMinLowTime = w.time(minIndex);
    if (legSide == d && !legFrozen && p > legBreakIndex) {
      legFrozen = true;
      if (emitLeg) {
        listener.onEvent(
            new ImpulseLegEvent(LegChange.FROZEN_BY_NEW_SWING, leg(), k, closeTime, i5));
      }
      return true;
    }
    return false;
  }

  /**
   * Tells whether the bar at {@code index} completes a gap of valid size in the directional window
   * (its bottom is {@code w.hi(index - 2)}, its top {@code w.lo(index)}).
   */
  private boolean isGap(SwingWindow w, int index, double atr) {
    if (index < 2) {
      return false;
    }
    double size = w.lo(index) - w.hi(index - 2);
    return size > 0 && size >= minGapTicks && size >= minGapAtr * atr;
  }

  private void addGap(FvgBook book, SwingWindow w, int index, long closeTime, int i5) {
    FairValueGap gap = book.add(index - 2, w.time(index - 2), w.hi(index - 2), w.lo(index));
    if (book.emits()) {
      listener.onEvent(new FairValueGapEvent(FvgChange.CREATED, gap, index, closeTime, i5));
    }
  }

  private void armPoi(int k, long closeTime, int i5, double close, double atr) {
    DirectionState d = legSide;
    if (continuationOnly && legType == BreakType.CHOCH) {
      return;
    }
    double range = legEnd - legStart;
    double zoneHigh = legEnd - fibZoneStart * range;
    double zoneLow = legEnd - fibZoneEnd * range;
    double golden = legEnd - fibGolden * range;
    FvgBook book = d.fvg15;
    int pos = book.bestOverlap(legStartIndex, legEndIndex, zoneLow, zoneHigh, golden);
    if (pos < 0) {
      return;
    }
    double low = book.overlapLow();
    double high = book.overlapHigh();
    double gapBottom = book.unfilledBottom(pos);
    double gapTop = book.unfilledTop(pos);
    boolean goldenPocket = gapBottom <= golden && golden <= gapTop;
    double tolerance = retestAtr * atr;
    boolean retest = legBrokenLevel >= low - tolerance && legBrokenLevel <= high + tolerance;
    int s = d.sign;
    poi =
        new PointOfInterest(
            (s > 0 ? "poi-L-" : "poi-S-") + closeTime,
            d.direction,
            s > 0 ? low : -high,
            s > 0 ? high : -low,
            book.unfilledGap(pos),
            leg(),
            k,
            closeTime,
            i5,
            atr,
            goldenPocket,
            retest);
    poiSide = d;
    poiBottom = low;
    poiTop = high;
    poiFvgBottom = gapBottom;
    poiLegStart = legStart;
    poiLegEnd = legEnd;
    poiArmedIndex = k;
    poiArmed5mIndex = i5;
    poiTapped = false;
    poiSignalled = false;
    if (emitPoi) {
      listener.onEvent(new PoiArmedEvent(poi));
    }
    if (s * close < legStart) {
      killPoi(PoiDeathReason.CLOSE_BEYOND_LEG_START, k, closeTime, i5);
    }
  }

  private void killPoi(PoiDeathReason reason, int k, long closeTime, int i5) {
    if (emitPoi) {
      listener.onEvent(new PoiDeadEvent(poi, reason, k, closeTime, i5));
    }
    poi = null;
    poiSide = null;
  }

  // ---------------------------------------------------------------- 5m close

  private void fiveMinute(int i, long t, long closeTime, double h, double l, double c) {
    bull.w5.push(h, l, t);
    bear.w5.push(-l, -h, t);
    DirectionState d = poiSide;
    if (emitFvg5 || emitSwing5) {
      fiveMinuteWithEvents(i, t, closeTime, h, l, c, d);
    } else if (d != null && !poiSignalled) {
      // Signals-only: the 5m swings and gaps feed only the entry trigger of a tapped POI, on its
      // side, and only those known after the tap count, so they are computed only on the bars
      // where a trigger can happen. A swing or gap skipped elsewhere is never read.
      if (poiTapped) {
        trigger(d, i, t, closeTime, h, l, c);
      } else if (i > poiArmed5mIndex && (d.sign > 0 ? l : -h) <= poiTop) {
        entry(d, i, t, closeTime, h, l, c, false, 0, false, 0, 0);
      }
    }
  }

  /** The 5m close when 5m swings or gaps are wanted as events: both sides, every bar. */
  private void fiveMinuteWithEvents(
      int i, long t, long closeTime, double h, double l, double c, DirectionState d) {
    DirectionState up = bull;
    DirectionState down = bear;
    boolean atrReady = atr5.ready();
    double atr = atr5.value();
    boolean trigger = d != null && poiTapped && !poiSignalled;
    boolean wantUp = trigger && d == up;
    boolean wantDown = trigger && d == down;

    boolean upGap = atrReady && (emitFvg5 || wantUp) && isGap(up.w5, i, atr);
    boolean downGap = atrReady && (emitFvg5 || wantDown) && isGap(down.w5, i, atr);
    up.newFvg = upGap;
    down.newFvg = downGap;
    if (emitFvg5) {
      trackFvg5(i, closeTime, h, l, c, upGap, downGap);
    }

    // The MSS reference is the swing as it stood at the previous close (as for 15m breaks).
    boolean mssKnown = trigger && d.hasSwing5 && d.swing5KnownAt > poiTapIndex;
    double mssLevel = d != null ? d.swing5Level : 0;
    int mssOrigin = d != null ? d.swing5Index : 0;

    if (emitSwing5 || wantUp) {
      registerSwing5(up, i, closeTime);
    }
    if (emitSwing5 || wantDown) {
      registerSwing5(down, i, closeTime);
    }

    if (d != null && !poiSignalled) {
      entry(d, i, t, closeTime, h, l, c, atrReady, atr, mssKnown, mssLevel, mssOrigin);
    }
  }

  /** The 5m close of a signals-only engine while its POI is tapped: the trigger side only. */
  private void trigger(
      DirectionState d, int i, long t, long closeTime, double h, double l, double c) {
    boolean atrReady = atr5.ready();
    double atr = atr5.value();
    d.newFvg = atrReady && isGap(d.w5, i, atr);
    // The MSS reference is the swing as it stood at the previous close (as for 15m breaks).
    boolean mssKnown = d.hasSwing5 && d.swing5KnownAt > poiTapIndex;
    double mssLevel = d.swing5Level;
    int mssOrigin = d.swing5Index;
    registerSwing5(d, i, closeTime);
    entry(d, i, t, closeTime, h, l, c, atrReady, atr, mssKnown, mssLevel, mssOrigin);
  }

  /** 5m gaps are tracked only to report their states; the trigger needs just the new gap. */
  private void trackFvg5(
      int i, long closeTime, double h, double l, double c, boolean upGap, boolean downGap) {
    DirectionState up = bull;
    DirectionState down = bear;
    up.fvg5.update(l, c, i, closeTime, i, listener);
    down.fvg5.update(-h, -c, i, closeTime, i, listener);
    if (upGap) {
      addGap(up.fvg5, up.w5, i, closeTime, i);
    }
    if (downGap) {
      addGap(down.fvg5, down.w5, i, closeTime, i);
    }
  }

  private void registerSwing5(DirectionState d, int i, long closeTime) {
    SwingWindow w = d.w5;
    int p = w.pivotAtLatest();
    if (p < 0) {
      return;
    }
    double level = w.hi(p);
    if (emitSwing5) {
      listener.onEvent(
          new SwingPointEvent(
              Timeframe.M5, d.swingType, d.sign * level, p, w.time(p), i, closeTime, i));
    }
    d.hasSwing5 = true;
    d.swing5Level = level;
    d.swing5Index = p;
    d.swing5KnownAt = i;
  }

  private void entry(
      DirectionState d,
      int i,
      long t,
      long closeTime,
      double h,
      double l,
      double c,
      boolean atrReady,
      double atr,
      boolean mssKnown,
      double mssLevel,
      int mssOrigin) {
    int s = d.sign;
    double dl = s > 0 ? l : -h;
    if (!poiTapped) {
      if (i > poiArmed5mIndex && dl <= poiTop) {
        poiTapped = true;
        poiTapIndex = i;
        poiTapTime = t;
        poiLowSinceTap = dl;
        if (emitPoi) {
          listener.onEvent(new PoiTappedEvent(poi, i, t, closeTime, s * dl));
        }
      }
      return;
    }
    if (dl < poiLowSinceTap) {
      poiLowSinceTap = dl;
    }
    if (!atrReady) {
      return;
    }
    double dc = s * c;
    boolean mss = mssKnown && dc > mssLevel;
    boolean gapInPoi = d.newFvg && d.w5.hi(i - 2) >= poiBottom && d.w5.hi(i - 2) <= poiTop;
    if (!mss && !gapInPoi) {
      return;
    }
    double entry = mss ? dc : d.w5.lo(i);
    double stop = poiLowSinceTap - Math.max(stopBufferPrice, stopBufferAtr * atr);
    double target = entry + rewardRisk * (entry - stop);
    OptionalDouble second =
        secondTarget && poiLegEnd > entry
            ? OptionalDouble.of(s * poiLegEnd)
            : OptionalDouble.empty();
    ConfidenceScore score =
        new ConfidenceScore(
            poi.leg().decisiveBreak(),
            true,
            poi.goldenPocket(),
            poi.structureRetest(),
            mss && d.newFvg);
    poiSignalled = true;
    if (!emitSignal) {
      return;
    }
    listener.onEvent(
        new EntrySignal(
            (s > 0 ? "sig-L-" : "sig-S-") + closeTime,
            Side.of(d.direction),
            mss ? TriggerType.MSS : TriggerType.FVG,
            mss ? OrderType.MARKET : OrderType.LIMIT,
            s * entry,
            s * stop,
            s * target,
            second,
            score,
            poi,
            poiTapIndex,
            poiTapTime,
            mss ? s * mssLevel : s * d.w5.hi(i - 2),
            mss ? mssOrigin : i - 2,
            atr,
            i,
            t,
            closeTime));
  }

  /** The per-direction state; the bearish instance sees negated prices. */
  private static final class DirectionState {
    final int sign;
    final Direction direction;
    final SwingType swingType;
    final SwingWindow w15;
    final SwingWindow w5;
    final FvgBook fvg15;
    final FvgBook fvg5;

    boolean hasCandidate;
    double candidateLevel;
    int candidateIndex;
    long candidateTime;
    int candidateRun;
    double candidateMinLow;
    int candidateMinLowIndex;
    long candidateMinLowTime;

    boolean hasSwing5;
    double swing5Level;
    int swing5Index;
    int swing5KnownAt;

    boolean newFvg;

    DirectionState(Direction direction, StrategyConfig config, boolean emitFvg15) {
      this.direction = direction;
      this.sign = direction.sign();
      this.swingType = direction == Direction.BULLISH ? SwingType.HIGH : SwingType.LOW;
      this.w15 = new SwingWindow(config.swings().m15().left(), config.swings().m15().right());
      this.w5 = new SwingWindow(config.swings().m5().left(), config.swings().m5().right());
      this.fvg15 = new FvgBook(Timeframe.M15, direction, emitFvg15);
      this.fvg5 = new FvgBook(Timeframe.M5, direction, true);
    }
  }
}
