package org.smc4j.risk.guard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The risk book: open positions and the current trading day's realised P&amp;L, and the guards a
 * new trade must pass. Time comes only from the injected {@link Clock} (a fixed or simulated clock
 * in backtests), never from the wall clock. A trading day runs from {@code dayStartHourUtc} UTC to
 * the same hour the next day; its counters start at zero when the clock enters a new day. Not
 * thread-safe: use it from one thread (the trading loop).
 */
public final class PortfolioGuard {

  private final GuardLimits limits;
  private final Clock clock;
  private final Map<String, OpenPosition> open = new LinkedHashMap<>();
  private LocalDate day;
  private BigDecimal dayPnl = BigDecimal.ZERO;
  private int dayLosers;

  /**
   * Creates an empty book.
   *
   * @param limits the limits to enforce
   * @param clock the time source (e.g. the backtest's simulated clock)
   */
  public PortfolioGuard(GuardLimits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.day = tradingDay(clock.instant());
  }

  /**
   * Returns the trading day an instant belongs to: the UTC date of {@code instant - dayStartHour}.
   *
   * @param instant the instant
   * @return the trading day, named by the UTC date on which it starts
   */
  public LocalDate tradingDay(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return instant
        .minusSeconds(limits.dayStartHourUtc() * 3600L)
        .atOffset(ZoneOffset.UTC)
        .toLocalDate();
  }

  /**
   * Checks a proposal against every guard without changing the book.
   *
   * @param proposal the sized trade
   * @param availableMargin the margin free for a new isolated position now, in dollars
   * @return approved, or rejected with every failed guard
   * @throws IllegalStateException when the clock went back to an earlier trading day
   */
  public GuardDecision check(TradeProposal proposal, BigDecimal availableMargin) {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(availableMargin, "availableMargin");
    rollDay();
    List<GuardRefusal> refusals = new ArrayList<>();
    BigDecimal openRisk = openRisk();
    BigDecimal realisedLoss = realisedLossToday();
    BigDecimal worstDay = realisedLoss.add(openRisk).add(proposal.riskUsd());
    if (worstDay.compareTo(limits.maxDailyLossUsd()) > 0) {
      refusals.add(
          new GuardRefusal(
              Guard.DAILY_LOSS,
              String.format(
                  Locale.ROOT,
                  "trading day %s: realised loss %s + open risk %s + this trade's risk %s = %s"
                      + " would exceed the daily loss limit %s",
                  day,
                  plain(realisedLoss),
                  plain(openRisk),
                  plain(proposal.riskUsd()),
                  plain(worstDay),
                  plain(limits.maxDailyLossUsd()))));
    }
    if (dayLosers >= limits.maxDailyLosingTrades()) {
      refusals.add(
          new GuardRefusal(
              Guard.DAILY_LOSING_TRADES,
              String.format(
                  Locale.ROOT,
                  "trading day %s: %d losing trades closed, the limit is %d",
                  day,
                  dayLosers,
                  limits.maxDailyLosingTrades())));
    }
    if (open.size() >= limits.maxConcurrentTrades()) {
      refusals.add(
          new GuardRefusal(
              Guard.MAX_CONCURRENT_TRADES,
              String.format(
                  Locale.ROOT,
                  "%d positions are open, the limit is %d",
                  open.size(),
                  limits.maxConcurrentTrades())));
    }
    BigDecimal totalRisk = openRisk.add(proposal.riskUsd());
    if (totalRisk.compareTo(limits.maxOpenRiskUsd()) > 0) {
      refusals.add(
          new GuardRefusal(
              Guard.MAX_OPEN_RISK,
              String.format(
                  Locale.ROOT,
                  "open risk %s + this trade's risk %s = %s would exceed the open-risk limit %s",
                  plain(openRisk),
                  plain(proposal.riskUsd()),
                  plain(totalRisk),
                  plain(limits.maxOpenRiskUsd()))));
    }
    OpenPosition same = open.get(proposal.symbol());
    if (same != null) {
      refusals.add(
          new GuardRefusal(
              Guard.ONE_POSITION_PER_SYMBOL,
              String.format(
                  Locale.ROOT,
                  "%s already has an open %s position of %s contracts since %s",
                  proposal.symbol(),
                  same.proposal().side().name().toLowerCase(Locale.ROOT),
                  plain(same.proposal().contracts()),
                  same.openedAt())));
    }
    if (proposal.initialMargin().compareTo(availableMargin) > 0) {
      refusals.add(
          new GuardRefusal(
              Guard.MARGIN,
              String.format(
                  Locale.ROOT,
                  "initial margin %s is more than the %s available",
                  plain(proposal.initialMargin()),
                  plain(availableMargin))));
    }
    return refusals.isEmpty() ? new GuardDecision.Approved() : new GuardDecision.Rejected(refusals);
  }

  /**
   * Checks a proposal and, when every guard passes, records it as open at the clock's time.
   *
   * @param proposal the sized trade
   * @param availableMargin the margin free for a new isolated position now, in dollars
   * @return the decision; the book changed only if it is approved
   */
  public GuardDecision open(TradeProposal proposal, BigDecimal availableMargin) {
    GuardDecision decision = check(proposal, availableMargin);
    if (decision.approved()) {
      open.put(proposal.symbol(), new OpenPosition(proposal, clock.instant()));
    }
    return decision;
  }

  /**
   * Closes the open position in a symbol and books its realised P&amp;L on the current trading day.
   *
   * @param symbol the instrument id
   * @param realisedPnlUsd the net result in dollars, after fees; negative for a loss
   * @return the position that was closed
   * @throws IllegalStateException when no position is open in {@code symbol}
   */
  public OpenPosition close(String symbol, BigDecimal realisedPnlUsd) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(realisedPnlUsd, "realisedPnlUsd");
    rollDay();
    OpenPosition position = open.remove(symbol);
    if (position == null) {
      throw new IllegalStateException(
          "no open position in " + symbol + " to close; open: " + open.keySet());
    }
    dayPnl = dayPnl.add(realisedPnlUsd);
    if (realisedPnlUsd.signum() < 0) {
      dayLosers++;
    }
    return position;
  }

  /**
   * Returns the book (open positions, the trading day and its counters), to be {@linkplain #restore
   * restored} after a restart.
   *
   * @return the book
   */
  public GuardBook book() {
    return new GuardBook(List.copyOf(open.values()), day, dayPnl, dayLosers);
  }

  /**
   * Replaces the book with a saved one.
   *
   * @param book what a guard with the same limits held
   */
  public void restore(GuardBook book) {
    Objects.requireNonNull(book, "book");
    open.clear();
    for (OpenPosition p : book.open()) {
      open.put(p.proposal().symbol(), p);
    }
    day = book.day();
    dayPnl = book.dayPnl();
    dayLosers = book.dayLosers();
  }

  /** Returns the open positions in the order they were opened. */
  public List<OpenPosition> openPositions() {
    return List.copyOf(open.values());
  }

  /** Returns the sum of the all-in risk of the open positions. */
  public BigDecimal openRisk() {
    BigDecimal sum = BigDecimal.ZERO;
    for (OpenPosition p : open.values()) {
      sum = sum.add(p.proposal().riskUsd());
    }
    return sum;
  }

  /**
   * Returns the current trading day's net realised loss as a positive amount, or zero when the day
   * is flat or up.
   */
  public BigDecimal realisedLossToday() {
    rollDay();
    return dayPnl.signum() < 0 ? dayPnl.negate() : BigDecimal.ZERO;
  }

  /** Returns how many trades closed at a loss on the current trading day. */
  public int losingTradesToday() {
    rollDay();
    return dayLosers;
  }

  private void rollDay() {
    LocalDate now = tradingDay(clock.instant());
    int cmp = now.compareTo(day);
    if (cmp < 0) {
      throw new IllegalStateException(
          "clock went back from trading day " + day + " to " + now + "; time must not decrease");
    }
    if (cmp > 0) {
      day = now;
      dayPnl = BigDecimal.ZERO;
      dayLosers = 0;
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
