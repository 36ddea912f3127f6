package org.smc4j.backtest.broker;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.smc4j.backtest.funding.FundingModel;
import org.smc4j.core.atr.WilderAtr;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.OrderAction;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.broker.CandleBroker;
import org.smc4j.trading.order.AlternativeExit;
import org.smc4j.trading.order.CancelReason;
import org.smc4j.trading.order.EntryFill;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;
import org.smc4j.trading.order.Trade;

/**
 * A simulated exchange account for one symbol, fed closed candles in time order. It holds at most
 * one position and one pending entry (STRATEGY.md section 9: one position per symbol) and applies
 * the fill, slippage, fee, funding and expiry models.
 *
 * <p>Timeline: a plan {@link #submit submitted} at the close of candle {@code i} is first tested on
 * candle {@code i + 1}. {@link #onBar} processes one candle in this order: funding settlements due
 * at or before its open are charged to a position held since before them (notional valued at this
 * open); the pending entry is expired, cancelled or filled; then the position's stop and target are
 * tested, including on the candle the entry filled on:
 *
 * <ul>
 *   <li>a candle opening beyond the stop fills the stop at the open (a gap); one opening beyond the
 *       target fills the target at the target price;
 *   <li>stop and target both touched on one candle are resolved with 1m candles when given;
 *       otherwise the stop is assumed first and the trade is flagged ambiguous, its target exit
 *       kept as {@link Trade#optimisticExit()};
 *   <li>on the candle a limit entry filled inside, the target alone counts only when 1m candles
 *       show it came after the fill;
 *   <li>a limit entry is cancelled when price reaches its target before it fills.
 * </ul>
 *
 * <p>Not thread-safe: one broker per symbol, driven by one thread.
 */
public final class SimulatedBroker implements CandleBroker {

  private static final int NONE = 0;
  private static final int STOP = 1;
  private static final int STOP_GAP = 2;
  private static final int TARGET = 3;
  private static final int BOTH = 4;

  private final String symbol;
  private final double tickSize;
  private final BrokerModels models;
  private final BarArrays oneMinute;
  private final BrokerListener listener;
  private final WilderAtr atr;
  private final boolean trackAtr;

  private OrderIntent pending;
  private long pendingExpiry;
  private Position position;
  private long lastOpen = Long.MIN_VALUE;
  private long lastClose = Long.MIN_VALUE;
  private int minuteCursor;
  private double stopRef;

  private static final class Position {
    final OrderIntent intent;
    final long entryTime;
    final double entryPrice;
    final Liquidity entryLiquidity;
    final double entryFee;
    final double entrySlippage;
    double funding;
    int settlements;
    long nextSettlement;

    Position(
        OrderIntent intent,
        long entryTime,
        double entryPrice,
        Liquidity entryLiquidity,
        double entryFee,
        double entrySlippage,
        long nextSettlement) {
      this.intent = intent;
      this.entryTime = entryTime;
      this.entryPrice = entryPrice;
      this.entryLiquidity = entryLiquidity;
      this.entryFee = entryFee;
      this.entrySlippage = entrySlippage;
      this.nextSettlement = nextSettlement;
    }
  }

  /**
   * Creates a broker for one symbol.
   *
   * @param symbol the instrument
   * @param tickSize the instrument's tick size, {@code > 0}
   * @param models the fill, slippage, fee, funding and expiry models
   * @param oneMinute 1m candles of the same symbol to resolve the order of events inside a candle,
   *     or empty
   * @param listener receives cancellations and closed trades
   * @throws IllegalArgumentException when the tick size is not positive or the intrabar candles are
   *     not 1m
   */
  public SimulatedBroker(
      String symbol,
      double tickSize,
      BrokerModels models,
      Optional<BarArrays> oneMinute,
      BrokerListener listener) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    if (!Double.isFinite(tickSize) || tickSize <= 0) {
      throw new IllegalArgumentException("tickSize must be finite and > 0, was " + tickSize);
    }
    this.tickSize = tickSize;
    this.models = Objects.requireNonNull(models, "models");
    Objects.requireNonNull(oneMinute, "oneMinute");
    if (oneMinute.isPresent() && !oneMinute.get().timeframe().equals(Timeframe.M1)) {
      throw new IllegalArgumentException(
          "oneMinute candles must have timeframe 1m, was " + oneMinute.get().timeframe());
    }
    this.oneMinute = oneMinute.orElse(BarArrays.empty(Timeframe.M1));
    this.listener = Objects.requireNonNull(listener, "listener");
    this.trackAtr = models.slippage().usesAtr();
    this.atr = new WilderAtr(models.slippage().atrPeriod());
  }

  /** Returns the symbol this broker trades. */
  public String symbol() {
    return symbol;
  }

  /** Returns true when a position is open. */
  public boolean hasPosition() {
    return position != null;
  }

  /** Returns the pending entry plan, if any. */
  public Optional<OrderIntent> pendingEntry() {
    return Optional.ofNullable(pending);
  }

  /**
   * Hands a plan to the broker at the close of its signal bar. It is rejected, with the reason,
   * while the symbol has a position or a pending entry.
   *
   * @param intent the plan
   * @return accepted, or rejected with the reason
   * @throws IllegalArgumentException when the plan is for another symbol
   * @throws IllegalStateException when the plan's signal time is before the last close fed in
   */
  @Override
  public Submission submit(OrderIntent intent) {
    Objects.requireNonNull(intent, "intent");
    if (!intent.symbol().equals(symbol)) {
      throw new IllegalArgumentException(
          "intent " + intent.intentId() + " is for " + intent.symbol() + ", broker is " + symbol);
    }
    if (intent.signalTime().toEpochMilli() < lastClose) {
      throw new IllegalStateException(
          "intent "
              + intent.intentId()
              + " signalled at "
              + intent.signalTime()
              + " is older than the last close fed in, "
              + Instant.ofEpochMilli(lastClose));
    }
    Optional<String> busy = busyReason();
    if (busy.isPresent()) {
      return new Submission(intent, busy);
    }
    pending = intent;
    OptionalLong expiry = models.expiry().expiresAtMillis(intent);
    pendingExpiry = expiry.isPresent() ? expiry.getAsLong() : Long.MAX_VALUE;
    return new Submission(intent, Optional.empty());
  }

  /**
   * Tells why a new plan for this broker's symbol would be rejected now.
   *
   * @param symbol the instrument; must be this broker's
   * @return the reason, or empty when a plan would be accepted
   * @throws IllegalArgumentException when the symbol is not this broker's
   */
  @Override
  public Optional<String> busyReason(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    if (!symbol.equals(this.symbol)) {
      throw new IllegalArgumentException(
          "busyReason asked for " + symbol + ", broker is " + this.symbol);
    }
    return busyReason();
  }

  /**
   * Tells why a new plan would be rejected now: the symbol holds a position or has a pending entry
   * (one position per symbol).
   *
   * @return the reason, or empty when a plan would be accepted
   */
  private Optional<String> busyReason() {
    if (position != null) {
      return Optional.of(
          "one position per symbol: "
              + symbol
              + " holds a "
              + position.intent.side()
              + " position since "
              + Instant.ofEpochMilli(position.entryTime)
              + " (plan "
              + position.intent.intentId()
              + ")");
    }
    if (pending != null) {
      return Optional.of(
          "one position per symbol: "
              + symbol
              + " has a pending "
              + pending.entryKind()
              + " entry since "
              + pending.signalTime()
              + " (plan "
              + pending.intentId()
              + ")");
    }
    return Optional.empty();
  }

  /**
   * Tells whether the pending entry, if any, came from the given POI.
   *
   * @param poiId a POI id
   * @return true when an entry from that POI is pending
   */
  public boolean hasPendingEntryFrom(String poiId) {
    return pending != null && pending.poiId().equals(poiId);
  }

  /**
   * Cancels the pending entry if it came from the given POI; called when the strategy reports the
   * POI's death at a close.
   *
   * @param poiId the POI that died
   * @param at the close at which the death became known
   * @param detail why it died
   * @return true when a pending entry was cancelled
   */
  @Override
  public boolean cancelPendingForPoi(String poiId, Instant at, String detail) {
    Objects.requireNonNull(poiId, "poiId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
    if (pending == null || !pending.poiId().equals(poiId)) {
      return false;
    }
    cancel(at.toEpochMilli(), CancelReason.POI_DIED, detail);
    return true;
  }

  /**
   * Cancels the pending entry, if any, for a reason other than its POI's death (a kill switch).
   *
   * @param at when
   * @param reason why
   * @param detail the details
   * @return true when a pending entry was cancelled
   */
  public boolean cancelPending(Instant at, CancelReason reason, String detail) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if (pending == null) {
      return false;
    }
    cancel(at.toEpochMilli(), reason, detail);
    return true;
  }

  /**
   * Closes the open position, if any, at the close of a candle already fed in (taker, with
   * slippage), as {@link #finish} does at the end of the data.
   *
   * @param bars the symbol's candles
   * @param i the last candle fed in
   * @param reason why
   * @return true when a position was closed
   * @throws IllegalStateException when candle {@code i} is not the last one fed in
   */
  public boolean closePosition(BarArrays bars, int i, ExitReason reason) {
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(reason, "reason");
    if (position == null) {
      return false;
    }
    if (bars.openTimeMillis(i) != lastOpen) {
      throw new IllegalStateException(
          symbol
              + ": close at candle "
              + bars.openTime(i)
              + ", but the last candle fed in opened at "
              + Instant.ofEpochMilli(lastOpen));
    }
    double ref = bars.close(i);
    double slip = slippage(ref);
    closeAt(
        bars.closeTimeMillis(i),
        ref - position.intent.side().sign() * slip,
        Liquidity.TAKER,
        slip,
        reason,
        false);
    return true;
  }

  /**
   * Returns the pending entry and open position, to be {@linkplain #restore restored} after a
   * restart.
   *
   * @return the snapshot
   */
  public BrokerSnapshot snapshot() {
    Position p = position;
    return new BrokerSnapshot(
        Optional.ofNullable(pending),
        p == null
            ? Optional.empty()
            : Optional.of(
                new BrokerSnapshot.Holding(
                    p.intent,
                    Instant.ofEpochMilli(p.entryTime),
                    p.entryPrice,
                    p.entryLiquidity,
                    p.entryFee,
                    p.entrySlippage,
                    p.funding,
                    p.settlements,
                    Instant.ofEpochMilli(p.nextSettlement))));
  }

  /**
   * Puts back a saved pending entry or position (its expiry recomputed by the expiry model), so the
   * candles fed next are processed as the saved broker would have processed them.
   *
   * @param snapshot what a broker of the same symbol held
   * @throws IllegalStateException when this broker holds anything
   * @throws IllegalArgumentException when the snapshot is for another symbol
   */
  public void restore(BrokerSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (pending != null || position != null) {
      throw new IllegalStateException(
          symbol + ": restore into a broker that holds " + busyReason().orElse("something"));
    }
    snapshot
        .pending()
        .ifPresent(
            in -> {
              checkSymbol(in);
              pending = in;
              OptionalLong expiry = models.expiry().expiresAtMillis(in);
              pendingExpiry = expiry.isPresent() ? expiry.getAsLong() : Long.MAX_VALUE;
            });
    snapshot
        .position()
        .ifPresent(
            h -> {
              checkSymbol(h.intent());
              Position p =
                  new Position(
                      h.intent(),
                      h.entryTime().toEpochMilli(),
                      h.entryPrice(),
                      h.entryLiquidity(),
                      h.entryFee(),
                      h.entrySlippage(),
                      h.nextSettlement().toEpochMilli());
              p.funding = h.funding();
              p.settlements = h.settlements();
              position = p;
            });
  }

  private void checkSymbol(OrderIntent intent) {
    if (!intent.symbol().equals(symbol)) {
      throw new IllegalArgumentException(
          "plan " + intent.intentId() + " is for " + intent.symbol() + ", broker is " + symbol);
    }
  }

  /**
   * Processes one closed candle of this symbol's entry timeframe.
   *
   * @param bars the symbol's candles
   * @param i the candle to process; candles must come in strictly increasing open time
   * @throws IllegalStateException when the candle is not after the previous one
   */
  @Override
  public void onBar(BarArrays bars, int i) {
    long t = bars.openTimeMillis(i);
    long period = bars.timeframe().millis();
    if (t <= lastOpen) {
      throw new IllegalStateException(
          symbol
              + ": candle "
              + Instant.ofEpochMilli(t)
              + " is not after the previous candle "
              + Instant.ofEpochMilli(lastOpen));
    }
    double o = bars.open(i);
    double h = bars.high(i);
    double l = bars.low(i);
    if (position != null) {
      chargeFunding(t, o);
      exitsFromOpen(t, period, o, h, l);
    } else if (pending != null) {
      processPending(t, period, o, h, l);
    }
    if (trackAtr) {
      atr.update(h, l, bars.close(i));
    }
    lastOpen = t;
    lastClose = t + period;
  }

  /**
   * Ends the replay: a pending entry is cancelled and an open position is closed at the last close
   * (taker, with slippage).
   *
   * @param bars the symbol's candles
   * @param i the last candle fed in
   */
  public void finish(BarArrays bars, int i) {
    long closeTime = bars.closeTimeMillis(i);
    if (pending != null) {
      cancel(closeTime, CancelReason.END_OF_DATA, "data ended before the entry filled");
    }
    if (position != null) {
      double ref = bars.close(i);
      double slip = slippage(ref);
      closeAt(
          closeTime,
          ref - position.intent.side().sign() * slip,
          Liquidity.TAKER,
          slip,
          ExitReason.END_OF_DATA,
          false);
    }
  }

  private void processPending(long t, long period, double o, double h, double l) {
    OrderIntent in = pending;
    if (t >= pendingExpiry) {
      cancel(t, CancelReason.EXPIRED, "expired at " + Instant.ofEpochMilli(pendingExpiry));
      return;
    }
    int s = in.side().sign();
    OrderAction entry = in.side().entryAction();
    if (in.entryKind() == EntryKind.MARKET_NEXT_OPEN) {
      double ref = models.fill().marketReference(o);
      double slip = slippage(ref);
      open(t, ref + s * slip, Liquidity.TAKER, slip);
      exitsFromOpen(t, period, o, h, l);
      return;
    }
    double limit = in.entryPrice();
    double target = in.target();
    if ((o - target) * s >= 0) {
      cancel(t, CancelReason.TARGET_REACHED_BEFORE_FILL, "candle opened at " + o);
      return;
    }
    if (!models.fill().limitFills(entry, limit, o, h, l)) {
      if (reaches(s, target, h, l)) {
        cancel(t, CancelReason.TARGET_REACHED_BEFORE_FILL, "target " + target + " reached");
      }
      return;
    }
    double price = models.fill().limitPrice(entry, limit, o);
    if ((limit - o) * s > 0) {
      // The candle opened through the limit: the order filled at the open, so the whole candle
      // comes after the fill and the usual rules (gaps, target) apply.
      open(t, price, Liquidity.MAKER, 0);
      exitsFromOpen(t, period, o, h, l);
      return;
    }
    int from = minutes(t, period);
    if (from >= 0) {
      int to = from + (int) (period / Timeframe.M1.millis());
      for (int m = from; m < to; m++) {
        double mo = oneMinute.open(m);
        double mh = oneMinute.high(m);
        double ml = oneMinute.low(m);
        long mt = oneMinute.openTimeMillis(m);
        if ((mo - target) * s >= 0) {
          cancel(mt, CancelReason.TARGET_REACHED_BEFORE_FILL, "1m candle opened at " + mo);
          return;
        }
        if (models.fill().limitFills(entry, limit, mo, mh, ml)) {
          open(mt, price, Liquidity.MAKER, 0);
          boolean openedThrough = (limit - mo) * s > 0;
          exitsOnMinutes(m, to, openedThrough);
          return;
        }
        if (reaches(s, target, mh, ml)) {
          cancel(mt, CancelReason.TARGET_REACHED_BEFORE_FILL, "target " + target + " reached");
          return;
        }
      }
    }
    // No usable 1m data: assume the fill came before any target touch (the trade is taken), and
    // let only the stop count on this candle.
    open(t, price, Liquidity.MAKER, 0);
    int code = check(o, h, l, false);
    if (code != NONE) {
      closeStop(t, code == STOP_GAP ? ExitReason.STOP_GAP : ExitReason.STOP, code == BOTH);
    }
  }

  private void exitsFromOpen(long t, long period, double o, double h, double l) {
    int code = check(o, h, l, true);
    switch (code) {
      case STOP -> closeStop(t, ExitReason.STOP, false);
      case STOP_GAP -> closeStop(t, ExitReason.STOP_GAP, false);
      case TARGET -> closeTarget(t);
      case BOTH -> {
        int from = minutes(t, period);
        if (from < 0
            || !exitsOnMinutes(from, from + (int) (period / Timeframe.M1.millis()), true)) {
          check(o, h, l, true);
          closeStop(t, ExitReason.STOP, true);
        }
      }
      default -> {}
    }
  }

  /**
   * Tests the position's exits on 1m candles {@code [from, to)}; on the first one the target counts
   * only when {@code targetOnFirst}. Returns true when the position was closed.
   */
  private boolean exitsOnMinutes(int from, int to, boolean targetOnFirst) {
    for (int m = from; m < to; m++) {
      long mt = oneMinute.openTimeMillis(m);
      int code =
          check(oneMinute.open(m), oneMinute.high(m), oneMinute.low(m), m > from || targetOnFirst);
      switch (code) {
        case STOP -> closeStop(mt, ExitReason.STOP, false);
        case STOP_GAP -> closeStop(mt, ExitReason.STOP_GAP, false);
        case TARGET -> closeTarget(mt);
        case BOTH -> closeStop(mt, ExitReason.STOP, true);
        default -> {}
      }
      if (code != NONE) {
        return true;
      }
    }
    return false;
  }

  /**
   * Classifies one candle for the open position and leaves the stop's reference price in {@code
   * stopRef}. When the target does not count, a candle touching both is still {@code BOTH} (the
   * order of events is unknown) while the target alone is {@code NONE}.
   */
  private int check(double o, double h, double l, boolean targetCounts) {
    OrderIntent in = position.intent;
    int s = in.side().sign();
    double stop = in.stop();
    double target = in.target();
    OptionalDouble sr = models.fill().stopReference(in.side().exitAction(), stop, o, h, l);
    if (sr.isPresent() && (stop - o) * s >= 0) {
      stopRef = sr.getAsDouble();
      return STOP_GAP;
    }
    if (targetCounts && (o - target) * s > 0) {
      return TARGET;
    }
    boolean targetHit = models.fill().limitFills(in.side().exitAction(), target, o, h, l);
    if (sr.isPresent()) {
      stopRef = sr.getAsDouble();
      return targetHit ? BOTH : STOP;
    }
    return targetHit && targetCounts ? TARGET : NONE;
  }

  private static boolean reaches(int s, double target, double h, double l) {
    return s > 0 ? h >= target : l <= target;
  }

  private void chargeFunding(long t, double o) {
    Position p = position;
    int s = p.intent.side().sign();
    long interval = models.fundingSchedule().intervalMillis();
    while (p.nextSettlement <= t) {
      double rate = models.funding().rate(symbol, p.nextSettlement);
      if (!Double.isFinite(rate)) {
        throw new IllegalStateException(
            "funding model gave a non-finite rate for "
                + symbol
                + " at "
                + Instant.ofEpochMilli(p.nextSettlement)
                + ": "
                + rate);
      }
      p.funding += FundingModel.payment(s, p.intent.quantity() * o, rate);
      p.settlements++;
      p.nextSettlement += interval;
    }
  }

  /** Returns the first 1m candle of a complete 1m cover of {@code [t, t + period)}, or -1. */
  private int minutes(long t, long period) {
    int n = oneMinute.size();
    if (n == 0) {
      return -1;
    }
    long[] times = oneMinute.openTimeMillisUnsafe();
    while (minuteCursor < n && times[minuteCursor] < t) {
      minuteCursor++;
    }
    int count = (int) (period / Timeframe.M1.millis());
    int last = minuteCursor + count - 1;
    if (minuteCursor >= n || times[minuteCursor] != t || last >= n) {
      return -1;
    }
    return times[last] == t + period - Timeframe.M1.millis() ? minuteCursor : -1;
  }

  private double slippage(double ref) {
    double slip = models.slippage().slippage(ref, tickSize, atrValue());
    if (!Double.isFinite(slip) || slip < 0) {
      throw new IllegalStateException(
          "slippage model gave " + slip + " for " + symbol + " at " + ref + "; must be >= 0");
    }
    return slip;
  }

  /** The entry timeframe's ATR known at the previous close, empty during its warm-up. */
  private OptionalDouble atrValue() {
    return atr.ready() ? OptionalDouble.of(atr.value()) : OptionalDouble.empty();
  }

  private void open(long time, double price, Liquidity liquidity, double slip) {
    OrderIntent in = pending;
    pending = null;
    double fee = models.fee().fee(price * in.quantity(), liquidity);
    position =
        new Position(
            in, time, price, liquidity, fee, slip, models.fundingSchedule().nextAfter(time));
    listener.onFill(new EntryFill(in, Instant.ofEpochMilli(time), price, liquidity, fee));
  }

  private void closeStop(long time, ExitReason reason, boolean ambiguous) {
    double slip = slippage(stopRef);
    closeAt(
        time,
        stopRef - position.intent.side().sign() * slip,
        Liquidity.TAKER,
        slip,
        reason,
        ambiguous);
  }

  private void closeTarget(long time) {
    closeAt(time, position.intent.target(), Liquidity.MAKER, 0, ExitReason.TARGET, false);
  }

  private void closeAt(
      long time,
      double price,
      Liquidity liquidity,
      double slip,
      ExitReason reason,
      boolean ambiguous) {
    Position p = position;
    position = null;
    double qty = p.intent.quantity();
    Optional<AlternativeExit> alt = Optional.empty();
    if (ambiguous) {
      double target = p.intent.target();
      alt =
          Optional.of(
              new AlternativeExit(
                  target,
                  Liquidity.MAKER,
                  models.fee().fee(target * qty, Liquidity.MAKER),
                  ExitReason.TARGET));
    }
    listener.onTrade(
        new Trade(
            p.intent,
            Instant.ofEpochMilli(p.entryTime),
            p.entryPrice,
            p.entryLiquidity,
            p.entryFee,
            p.entrySlippage,
            Instant.ofEpochMilli(time),
            price,
            liquidity,
            models.fee().fee(price * qty, liquidity),
            slip,
            reason,
            p.funding,
            p.settlements,
            ambiguous,
            alt));
  }

  private void cancel(long time, CancelReason reason, String detail) {
    OrderIntent in = pending;
    pending = null;
    listener.onCancel(new OrderCancellation(in, Instant.ofEpochMilli(time), reason, detail));
  }
}
