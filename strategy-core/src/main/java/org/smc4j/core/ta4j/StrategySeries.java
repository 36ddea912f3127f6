package org.smc4j.core.ta4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.FairValueGapEvent;
import org.smc4j.core.engine.ImpulseLegEvent;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.PoiTappedEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.core.engine.StructureBreakEvent;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.fvg.FvgChange;
import org.smc4j.core.signal.Side;
import org.smc4j.core.structure.Direction;
import org.smc4j.core.structure.SwingType;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/**
 * The {@link StrategyEngine} run over one ta4j {@link BarSeries} of closed 5m bars: the shared
 * state behind every indicator and rule of this package. The 15m context is derived from the 5m
 * bars as the engine does it (buckets aligned to 00:00 UTC, a 15m candle visible at the close of
 * its third 5m bar), or read from a 15m series of its own ({@link #withSuppliedContext}).
 *
 * <p><b>When a value becomes known.</b> Asking for any value at series index {@code i} feeds the
 * engine the bars up to {@code i} that it has not seen yet, and never a bar after {@code i}; bars
 * appended to the series later are fed when a later index is asked for. Nothing is recomputed: the
 * engine runs once over each bar, and for every bar it records which events had become known by
 * that bar's close. So a value at {@code i} depends on bars {@code 0..i} only and never changes
 * when bars are appended (prefix invariance, checked by the package's property tests).
 *
 * <p><b>Representation.</b> Per bar the adapter stores, in one primitive {@code int} array, the
 * positions in its event list of the latest known swing points, the current leg, the latest
 * unfilled gaps, the armed POI and the breaks and signals made at that bar ({@code -1} when there
 * is none), for the kinds of events it records (all by default; fewer make it cheaper). Reading a
 * value is an array read plus one conversion with the series' {@code NumFactory}; "no value" is
 * stored as {@code -1}, never as a NaN, and is handed to ta4j as ta4j's own {@link NaN#NaN} (its
 * convention for an undefined value, as {@code RecentSwingHighIndicator} uses), so ta4j rules
 * comparing against it are never satisfied. Each indicator also offers {@code hasValue(i)} to tell
 * "no value" apart without a NaN.
 *
 * <p><b>Input rules.</b> Bars must be 5-minute bars in open-time order on the 5m grid, with finite
 * prices and {@code low > 0} (the engine's checks, reported with the series index). A bar that was
 * replaced after the engine read it (ta4j's {@code addBar(bar, true)}, used for a still-forming
 * candle) is refused: feed closed candles only. Not thread-safe, like the engine.
 */
public final class StrategySeries {

  static final int SWING_HIGH_5 = 0;
  static final int SWING_LOW_5 = 1;
  static final int SWING_HIGH_15 = 2;
  static final int SWING_LOW_15 = 3;
  static final int BREAK_BULLISH = 4;
  static final int BREAK_BEARISH = 5;
  static final int LEG = 6;
  static final int FVG_5_BULLISH = 7;
  static final int FVG_5_BEARISH = 8;
  static final int FVG_15_BULLISH = 9;
  static final int FVG_15_BEARISH = 10;
  static final int POI = 11;
  static final int SIGNAL_LONG = 12;
  static final int SIGNAL_SHORT = 13;
  private static final int SLOTS = 14;

  /** The kind of event that sets each slot. */
  private static final StrategyEventKind[] SLOT_KIND = {
    StrategyEventKind.SWING_5M,
    StrategyEventKind.SWING_5M,
    StrategyEventKind.SWING_15M,
    StrategyEventKind.SWING_15M,
    StrategyEventKind.STRUCTURE_BREAK,
    StrategyEventKind.STRUCTURE_BREAK,
    StrategyEventKind.IMPULSE_LEG,
    StrategyEventKind.FVG_5M,
    StrategyEventKind.FVG_5M,
    StrategyEventKind.FVG_15M,
    StrategyEventKind.FVG_15M,
    StrategyEventKind.POI,
    StrategyEventKind.ENTRY_SIGNAL,
    StrategyEventKind.ENTRY_SIGNAL
  };

  private static final Duration FIVE_MINUTES = Timeframe.M5.duration();
  private static final Duration FIFTEEN_MINUTES = Timeframe.M15.duration();

  private final BarSeries series;

  /** The supplied 15m series, or null when the engine derives its 15m candles. */
  private final BarSeries context;

  private final StrategyConfig config;
  private final double tickSize;
  private final StrategyEngine engine;
  private final Set<StrategyEventKind> kinds;
  private final List<StrategyEvent> events = new ArrayList<>();
  private final int[] current = new int[SLOTS];

  /** The slots stored per bar (those of the recorded kinds), and each slot's column or -1. */
  private final int[] stored;

  private final int[] column = new int[SLOTS];

  private final SeriesCursor cursor;
  private int contextNext = -1;
  private Bar lastContextBar;
  private int[] state = new int[0];
  private int[] eventEnd = new int[0];

  private StrategySeries(
      BarSeries series,
      BarSeries context,
      StrategyConfig config,
      double tickSize,
      Set<StrategyEventKind> kinds) {
    this.series = series;
    this.cursor = new SeriesCursor(series, "the strategy");
    this.context = context;
    this.config = config;
    this.tickSize = tickSize;
    this.kinds = kinds.isEmpty() ? EnumSet.noneOf(StrategyEventKind.class) : EnumSet.copyOf(kinds);
    StrategyEventListener listener = StrategyEventListener.only(this.kinds, this::onEvent);
    this.engine =
        context == null
            ? new StrategyEngine(config, tickSize, listener)
            : StrategyEngine.withSuppliedContext(config, tickSize, listener);
    Arrays.fill(current, -1);
    int n = 0;
    int[] slots = new int[SLOTS];
    for (int slot = 0; slot < SLOTS; slot++) {
      column[slot] = this.kinds.contains(SLOT_KIND[slot]) ? n : -1;
      if (column[slot] >= 0) {
        slots[n++] = slot;
      }
    }
    this.stored = Arrays.copyOf(slots, n);
  }

  /**
   * Creates the adapter over a series of 5m bars. No bar is read yet.
   *
   * @param series closed 5m bars, possibly still empty; bars may be appended later
   * @param config the strategy parameters
   * @param tickSize the instrument's price increment, {@code > 0}
   * @return the adapter
   * @throws IllegalArgumentException when the tick size is not positive and finite
   */
  public static StrategySeries of(BarSeries series, StrategyConfig config, double tickSize) {
    return of(series, config, tickSize, EnumSet.allOf(StrategyEventKind.class));
  }

  /**
   * Creates the adapter recording only some kinds of events: the engine then does not even build
   * the others (cheaper when only, say, swings are wanted). An indicator needing an unrecorded kind
   * is refused when it is created.
   *
   * @param series closed 5m bars, possibly still empty; bars may be appended later
   * @param config the strategy parameters
   * @param tickSize the instrument's price increment, {@code > 0}
   * @param kinds the kinds of events to record
   * @return the adapter
   * @throws IllegalArgumentException when the tick size is not positive and finite
   */
  public static StrategySeries of(
      BarSeries series, StrategyConfig config, double tickSize, Set<StrategyEventKind> kinds) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(kinds, "kinds");
    return new StrategySeries(series, null, config, tickSize, kinds);
  }

  /**
   * Creates the adapter over 5m bars with their 15m bars supplied rather than derived. A 15m bar is
   * given to the engine when the first 5m bar closing at or after its end time is read (normally
   * the 5m bar closing at the same instant), before that 5m bar's own logic; a 15m bar ending later
   * is not read. When feeding live, append the 15m bar before asking for a value at the 5m bar that
   * closes with it, or it is applied one 5m bar late.
   *
   * @param fiveMinute closed 5m bars
   * @param fifteenMinute closed 15m bars of the same instrument, on the 15m grid
   * @param config the strategy parameters
   * @param tickSize the instrument's price increment, {@code > 0}
   * @param kinds the kinds of events to record
   * @return the adapter
   * @throws IllegalArgumentException when the tick size is not positive and finite
   */
  public static StrategySeries withSuppliedContext(
      BarSeries fiveMinute,
      BarSeries fifteenMinute,
      StrategyConfig config,
      double tickSize,
      Set<StrategyEventKind> kinds) {
    Objects.requireNonNull(fiveMinute, "fiveMinute");
    Objects.requireNonNull(fifteenMinute, "fifteenMinute");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(kinds, "kinds");
    return new StrategySeries(fiveMinute, fifteenMinute, config, tickSize, kinds);
  }

  /**
   * Returns the supplied 15m series, if the 15m candles are supplied rather than derived.
   *
   * @return the 15m series
   */
  public Optional<BarSeries> contextSeries() {
    return Optional.ofNullable(context);
  }

  /** Returns the kinds of events recorded. */
  public Set<StrategyEventKind> kinds() {
    return EnumSet.copyOf(kinds);
  }

  /**
   * Checks that a kind of event is recorded, for an indicator that needs it.
   *
   * @throws IllegalArgumentException naming the kind when it is not
   */
  void require(StrategyEventKind kind, Object indicator) {
    if (!kinds.contains(kind)) {
      throw new IllegalArgumentException(
          indicator + " needs " + kind + " events, which this StrategySeries does not record");
    }
  }

  /** Returns the ta4j series read. */
  public BarSeries barSeries() {
    return series;
  }

  /** Returns the configuration. */
  public StrategyConfig config() {
    return config;
  }

  /** Returns the tick size. */
  public double tickSize() {
    return tickSize;
  }

  /**
   * Returns the last series index given to the engine so far, {@code -1} before the first. Grows
   * only when a value at a later index is asked for (or {@link #advanceTo} is called).
   */
  public int processedIndex() {
    return cursor.processed();
  }

  /**
   * Feeds the engine the series' bars up to {@code index} that it has not seen yet; does nothing
   * when they were all seen.
   *
   * @param index a series index, at most {@code barSeries().getEndIndex()}
   * @throws IndexOutOfBoundsException when {@code index} lies beyond the series' last bar, or
   *     before the first bar this adapter saw
   * @throws IllegalArgumentException when a bar is not a valid 5m candle after the previous one
   *     (the message names the series index)
   * @throws IllegalStateException when a bar already read was replaced, or bars were removed from
   *     the series (maximum bar count) before the adapter read them
   */
  public void advanceTo(int index) {
    int from = cursor.next(index);
    if (from > index) {
      return;
    }
    // sized for every bar the series holds now, so a batch read allocates once
    ensureCapacity(series.getEndIndex() - cursor.base() + 1);
    for (int i = from; i <= index; i++) {
      feed(i);
    }
  }

  private void feed(int i) {
    Bar bar = series.getBar(i);
    if (!FIVE_MINUTES.equals(bar.getTimePeriod())) {
      throw new IllegalArgumentException(
          "series index "
              + i
              + " ("
              + bar.getBeginTime()
              + "): bar period must be "
              + FIVE_MINUTES
              + ", was "
              + bar.getTimePeriod());
    }
    current[BREAK_BULLISH] = -1;
    current[BREAK_BEARISH] = -1;
    current[SIGNAL_LONG] = -1;
    current[SIGNAL_SHORT] = -1;
    if (context != null) {
      supplyContext(bar.getEndTime().toEpochMilli());
    }
    try {
      engine.onBar(
          bar.getBeginTime().toEpochMilli(),
          bar.getOpenPrice().doubleValue(),
          bar.getHighPrice().doubleValue(),
          bar.getLowPrice().doubleValue(),
          bar.getClosePrice().doubleValue(),
          bar.getVolume().doubleValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("series index " + i + ": " + e.getMessage(), e);
    }
    int row = i - cursor.base();
    int[] slots = stored;
    int off = row * slots.length;
    for (int c = 0; c < slots.length; c++) {
      state[off + c] = current[slots[c]];
    }
    eventEnd[row] = events.size();
    cursor.read(i, bar);
  }

  /** Gives the engine the 15m bars not yet given that end at or before a 5m close. */
  private void supplyContext(long closeMillis) {
    if (context.getBarCount() == 0) {
      return;
    }
    int begin = context.getBeginIndex();
    if (contextNext < 0) {
      contextNext = begin;
    } else if (contextNext - 1 >= begin && context.getBar(contextNext - 1) != lastContextBar) {
      throw new IllegalStateException(
          "15m bar "
              + (contextNext - 1)
              + " was replaced after the strategy read it; feed closed candles only");
    }
    if (contextNext < begin) {
      throw new IllegalStateException(
          "15m bars "
              + contextNext
              + ".."
              + (begin - 1)
              + " were removed from the series (maximum bar count) before the strategy read them");
    }
    int end = context.getEndIndex();
    while (contextNext <= end) {
      Bar b = context.getBar(contextNext);
      if (b.getEndTime().toEpochMilli() > closeMillis) {
        return;
      }
      if (!FIFTEEN_MINUTES.equals(b.getTimePeriod())) {
        throw new IllegalArgumentException(
            "15m series index "
                + contextNext
                + " ("
                + b.getBeginTime()
                + "): bar period must be "
                + FIFTEEN_MINUTES
                + ", was "
                + b.getTimePeriod());
      }
      try {
        engine.onContextBar(
            b.getBeginTime().toEpochMilli(),
            b.getOpenPrice().doubleValue(),
            b.getHighPrice().doubleValue(),
            b.getLowPrice().doubleValue(),
            b.getClosePrice().doubleValue(),
            b.getVolume().doubleValue());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "15m series index " + contextNext + ": " + e.getMessage(), e);
      }
      lastContextBar = b;
      contextNext++;
    }
  }

  private void ensureCapacity(int rows) {
    if (eventEnd.length >= rows) {
      return;
    }
    int cap = Math.max(rows, Math.max(64, eventEnd.length * 2));
    eventEnd = Arrays.copyOf(eventEnd, cap);
    state = Arrays.copyOf(state, cap * stored.length);
  }

  private void onEvent(StrategyEvent event) {
    int at = events.size();
    events.add(event);
    switch (event) {
      case SwingPointEvent s -> {
        boolean high = s.type() == SwingType.HIGH;
        if (s.timeframe().equals(Timeframe.M5)) {
          current[high ? SWING_HIGH_5 : SWING_LOW_5] = at;
        } else {
          current[high ? SWING_HIGH_15 : SWING_LOW_15] = at;
        }
      }
      case StructureBreakEvent b ->
          current[b.direction() == Direction.BULLISH ? BREAK_BULLISH : BREAK_BEARISH] = at;
      case ImpulseLegEvent l -> current[LEG] = at;
      case FairValueGapEvent f -> onGap(f, at);
      case PoiArmedEvent a -> current[POI] = at;
      case PoiDeadEvent d -> current[POI] = -1;
      case EntrySignal e -> {
        boolean isLong = e.side() == Side.LONG;
        current[isLong ? SIGNAL_LONG : SIGNAL_SHORT] = at;
      }
      case PoiTappedEvent t -> {
        // a tap changes no indicator value; it stays in the event list
      }
    }
  }

  private void onGap(FairValueGapEvent f, int at) {
    FairValueGap gap = f.gap();
    boolean bullish = gap.direction() == Direction.BULLISH;
    int slot =
        gap.timeframe().equals(Timeframe.M5)
            ? (bullish ? FVG_5_BULLISH : FVG_5_BEARISH)
            : (bullish ? FVG_15_BULLISH : FVG_15_BEARISH);
    if (f.change() == FvgChange.CREATED) {
      current[slot] = at;
    } else if (f.change() == FvgChange.FILLED
        && current[slot] >= 0
        && ((FairValueGapEvent) events.get(current[slot])).gap().equals(gap)) {
      current[slot] = -1;
    }
  }

  /**
   * Returns the position in the event list recorded in a slot at the close of bar {@code i}, or
   * {@code -1}; feeds the engine up to {@code i} first.
   */
  int slot(int i, int slot) {
    int c = column[slot];
    if (c < 0) {
      throw new IllegalArgumentException(
          "the value needs "
              + SLOT_KIND[slot]
              + " events, which this StrategySeries does not record");
    }
    advanceTo(i);
    return state[(i - cursor.base()) * stored.length + c];
  }

  /** Returns the event at a position of the event list. */
  StrategyEvent event(int position) {
    return events.get(position);
  }

  /** Converts a price with the series' number factory. */
  Num num(double value) {
    return series.numFactory().numOf(value);
  }

  /**
   * Returns every recorded event known at the close of bar {@code i} (reported at or before it), in
   * the engine's order.
   *
   * @param i a series index
   * @return the events, unmodifiable
   * @throws IndexOutOfBoundsException as {@link #advanceTo}
   */
  public List<StrategyEvent> eventsKnownAt(int i) {
    advanceTo(i);
    return List.copyOf(events.subList(0, eventEnd[i - cursor.base()]));
  }

  /**
   * Returns the entry signal of a side made at the close of bar {@code i}, if any.
   *
   * @param i a series index
   * @param side long or short
   * @return the signal
   */
  public Optional<EntrySignal> signalAt(int i, Side side) {
    int p = slot(i, side == Side.LONG ? SIGNAL_LONG : SIGNAL_SHORT);
    return p < 0 ? Optional.empty() : Optional.of((EntrySignal) events.get(p));
  }

  /** The value ta4j gets for "no value at this bar". */
  static Num none() {
    return NaN.NaN;
  }
}
