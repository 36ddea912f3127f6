package org.smc4j.backtest.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.order.Trade;

/**
 * What a setup chart shows: the candles around a setup, its 15m POI box and FVG, the Fibonacci
 * lines of its leg, the entry, stop and target, and the exit of a closed trade. Plain values, so
 * that both a backtest ({@link #ofTrade}) and the live scanner ({@link #ofSignal}) can build one;
 * {@link SetupChartRenderer} draws it.
 *
 * @param title the heading drawn above the chart
 * @param side long or short
 * @param candles the candles to draw, not empty, in time order
 * @param poi the POI box, when known
 * @param fvg the 15m fair value gap box, when known
 * @param fibs the Fibonacci lines (usually 0.5, 0.618 and 0.786)
 * @param entryTime when the entry filled, or for a live signal the close of the signal bar
 * @param entry the entry price (the fill, or the planned entry of a live signal)
 * @param entryFilled true when {@code entry} is a fill, false when it is only planned
 * @param stop the stop price
 * @param target the target price
 * @param exit the exit of a closed trade, empty while the setup is open or only signalled
 * @param trigger the 5m level the entry trigger acted on, drawn from the tap to the entry
 */
public record SetupChart(
    String title,
    Side side,
    BarArrays candles,
    Optional<ChartBox> poi,
    Optional<ChartBox> fvg,
    List<FibLine> fibs,
    Instant entryTime,
    double entry,
    boolean entryFilled,
    double stop,
    double target,
    Optional<ChartExit> exit,
    Optional<ChartLevel> trigger) {

  /** Candles drawn before the setup's first known time (the POI arming). */
  public static final int BARS_BEFORE = 36;

  /** Candles drawn after a trade's exit. */
  public static final int BARS_AFTER = 12;

  /** The most candles drawn, unless the trade itself spans more. */
  public static final int MAX_BARS = 240;

  private static final DateTimeFormatter TITLE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Validates the chart.
   *
   * @throws IllegalArgumentException when there are no candles, a price is not finite and positive,
   *     or the exit precedes the entry
   */
  public SetupChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(candles, "candles");
    Objects.requireNonNull(poi, "poi");
    Objects.requireNonNull(fvg, "fvg");
    fibs = List.copyOf(Objects.requireNonNull(fibs, "fibs"));
    Objects.requireNonNull(entryTime, "entryTime");
    Objects.requireNonNull(exit, "exit");
    Objects.requireNonNull(trigger, "trigger");
    if (candles.isEmpty()) {
      throw new IllegalArgumentException(title + ": no candles to draw");
    }
    checkPrice("entry", entry);
    checkPrice("stop", stop);
    checkPrice("target", target);
    if (exit.isPresent() && exit.get().time().isBefore(entryTime)) {
      throw new IllegalArgumentException(
          "exit time " + exit.get().time() + " must not be before entry time " + entryTime);
    }
  }

  /**
   * Creates a chart without a trigger level (see the canonical constructor for the components).
   *
   * @param title the heading drawn above the chart
   * @param side long or short
   * @param candles the candles to draw, not empty, in time order
   * @param poi the POI box, when known
   * @param fvg the 15m fair value gap box, when known
   * @param fibs the Fibonacci lines
   * @param entryTime when the entry filled, or for a live signal the close of the signal bar
   * @param entry the entry price
   * @param entryFilled true when {@code entry} is a fill, false when it is only planned
   * @param stop the stop price
   * @param target the target price
   * @param exit the exit of a closed trade, or empty
   */
  public SetupChart(
      String title,
      Side side,
      BarArrays candles,
      Optional<ChartBox> poi,
      Optional<ChartBox> fvg,
      List<FibLine> fibs,
      Instant entryTime,
      double entry,
      boolean entryFilled,
      double stop,
      double target,
      Optional<ChartExit> exit) {
    this(
        title,
        side,
        candles,
        poi,
        fvg,
        fibs,
        entryTime,
        entry,
        entryFilled,
        stop,
        target,
        exit,
        Optional.empty());
  }

  static void checkPrice(String name, double price) {
    if (!Double.isFinite(price) || price <= 0) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + price);
    }
  }

  /**
   * Builds the chart of a closed backtest trade: candles from {@link #BARS_BEFORE} before the POI
   * arming (or the signal, without setup details) to {@link #BARS_AFTER} after the exit, the POI
   * box from its arming, the FVG box from the gap's first 15m candle (or the first candle drawn,
   * when that is later), the Fibonacci lines, the entry fill, stop, target and exit.
   *
   * @param trade the trade
   * @param candles the symbol's candles (typically all 5m candles of the backtest); must cover the
   *     trade's entry
   * @return the chart
   * @throws IllegalArgumentException when the candles do not cover the entry
   */
  public static SetupChart ofTrade(Trade trade, BarArrays candles) {
    Objects.requireNonNull(trade, "trade");
    Objects.requireNonNull(candles, "candles");
    Optional<SetupDetails> details = trade.intent().details();
    long[] t = candles.openTimeMillisUnsafe();
    int entryIndex = indexAtOrBefore(t, trade.entryTime().toEpochMilli());
    if (entryIndex < 0 || candles.closeTimeMillis(entryIndex) <= trade.entryTime().toEpochMilli()) {
      throw new IllegalArgumentException(
          trade.symbol() + ": the candles do not cover the entry at " + trade.entryTime());
    }
    Instant anchor = details.map(SetupDetails::poiArmedTime).orElse(trade.intent().signalTime());
    int anchorIndex = Math.max(0, indexAtOrBefore(t, anchor.toEpochMilli()));
    int exitIndex = Math.max(entryIndex, indexAtOrBefore(t, trade.exitTime().toEpochMilli()));
    int end = Math.min(candles.size(), exitIndex + 1 + BARS_AFTER);
    int start = Math.max(0, Math.min(anchorIndex, entryIndex) - BARS_BEFORE);
    if (end - start > MAX_BARS) {
      start = Math.min(Math.max(start, end - MAX_BARS), Math.max(0, entryIndex - BARS_BEFORE));
    }
    BarArrays window = candles.slice(start, end);
    Optional<ChartBox> poi = Optional.empty();
    Optional<ChartBox> fvg = Optional.empty();
    List<FibLine> fibs = List.of();
    String setup = "";
    Optional<ChartLevel> trigger = Optional.empty();
    if (details.isPresent()) {
      SetupDetails d = details.get();
      poi = Optional.of(new ChartBox("15m POI", d.poiBottom(), d.poiTop(), d.poiArmedTime()));
      Instant fvgFrom = d.fvgTime().isAfter(window.openTime(0)) ? d.fvgTime() : window.openTime(0);
      fvg = Optional.of(new ChartBox("15m FVG", d.fvgBottom(), d.fvgTop(), fvgFrom));
      fibs = fibLines(d.legStart(), d.legEnd(), d.fib50(), d.fib618(), d.fib786());
      setup = " " + d.trigger() + " score " + d.score();
      trigger = Optional.of(ChartLevel.trigger(d.trigger(), d.triggerLevel(), d.tapTime()));
    }
    String title =
        String.format(
            Locale.ROOT,
            "%s %s%s | entry %s | %s %+.2fR net",
            trade.symbol(),
            trade.side(),
            setup,
            TITLE_TIME.format(trade.entryTime()),
            trade.exitReason(),
            trade.rNet());
    return new SetupChart(
        title + (trade.ambiguous() ? " (ambiguous: stop assumed first)" : ""),
        trade.side(),
        window,
        poi,
        fvg,
        fibs,
        trade.entryTime(),
        trade.entryPrice(),
        true,
        trade.intent().stop(),
        trade.intent().target(),
        Optional.of(new ChartExit(trade.exitTime(), trade.exitPrice(), trade.exitReason().name())),
        trigger);
  }

  /**
   * Builds the chart of a live signal at the moment it is made: candles up to and including the
   * signal bar only (later candles, if given, are not drawn), starting {@link #BARS_BEFORE} before
   * the POI's FVG or its arming (at most {@link #MAX_BARS} candles), the POI box from its arming,
   * the FVG box from the gap's first 15m candle, the Fibonacci lines, and the planned entry, stop
   * and target drawn forward from the signal close.
   *
   * @param symbol the instrument
   * @param signal the strategy engine's signal
   * @param candles the symbol's 5m candles; must contain the signal bar (matched by open time)
   * @return the chart
   * @throws IllegalArgumentException when the candles do not contain the signal bar
   */
  public static SetupChart ofSignal(String symbol, EntrySignal signal, BarArrays candles) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(candles, "candles");
    long[] t = candles.openTimeMillisUnsafe();
    int signalIndex = Arrays.binarySearch(t, signal.signalTimeMillis());
    if (signalIndex < 0) {
      throw new IllegalArgumentException(
          symbol
              + ": the candles do not contain the signal bar opening at "
              + Instant.ofEpochMilli(signal.signalTimeMillis()));
    }
    PointOfInterest p = signal.poi();
    ImpulseLeg leg = p.leg();
    long first = Math.min(p.fvg().originTimeMillis(), p.armedTimeMillis());
    int anchorIndex = Math.max(0, indexAtOrBefore(t, first));
    int end = signalIndex + 1;
    int start = Math.max(Math.max(0, anchorIndex - BARS_BEFORE), end - MAX_BARS);
    BarArrays window = candles.slice(start, end);
    Side side = signal.side();
    Instant fvgFrom = Instant.ofEpochMilli(Math.max(p.fvg().originTimeMillis(), t[start]));
    String title =
        String.format(
            Locale.ROOT,
            "%s %s %s score %d | signal %s",
            symbol,
            side,
            signal.trigger(),
            signal.score().total(),
            TITLE_TIME.format(Instant.ofEpochMilli(signal.knownAtTimeMillis())));
    return new SetupChart(
        title,
        side,
        window,
        Optional.of(
            new ChartBox(
                "15m POI", p.bottom(), p.top(), Instant.ofEpochMilli(p.armedTimeMillis()))),
        Optional.of(new ChartBox("15m FVG", p.fvg().bottom(), p.fvg().top(), fvgFrom)),
        fibLines(
            leg.startPrice(),
            leg.endPrice(),
            leg.zoneStartPrice(),
            leg.goldenPrice(),
            leg.zoneEndPrice()),
        Instant.ofEpochMilli(signal.knownAtTimeMillis()),
        signal.entry(),
        false,
        signal.stop(),
        signal.target(),
        Optional.empty(),
        Optional.of(
            ChartLevel.trigger(
                signal.trigger().name(),
                signal.triggerLevel(),
                Instant.ofEpochMilli(signal.tapTimeMillis()))));
  }

  private static List<FibLine> fibLines(double legStart, double legEnd, double... prices) {
    List<FibLine> out = new ArrayList<>(prices.length);
    for (double price : prices) {
      out.add(FibLine.ofLeg(legStart, legEnd, price));
    }
    return out;
  }

  /** Returns the last index whose open time is {@code <= time}, or -1. */
  static int indexAtOrBefore(long[] openTimes, long time) {
    int k = Arrays.binarySearch(openTimes, time);
    return k >= 0 ? k : -k - 2;
  }
}
