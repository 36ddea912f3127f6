package org.smc4j.exchange.okx.execution;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Drives the periodic reconciliation of a started {@link OkxExecutor} on the cadence of a {@link
 * ReconciliationSchedule}, and refreshes the optional {@link DeadManSwitch}. Time comes from an
 * injected clock, so tests call {@link #runDue()} after moving a manual clock and get the same
 * cycles every run; {@link #run} is the production loop over an injected {@link Sleeper}.
 *
 * <p>The executor is not thread-safe: the thread that calls {@link #runDue()} must be the one that
 * sends entries (the trade loop calls it between candles), or the caller serialises them.
 */
public final class ReconciliationLoop {

  private final OkxExecutor executor;
  private final ReconciliationSchedule schedule;
  private final InstantSource clock;
  private final Optional<DeadManSwitch> deadMan;
  private Instant nextCycle = Instant.MIN;
  private Instant nextLedger = Instant.MIN;
  private Optional<ReconciliationReport> lastReport = Optional.empty();

  /**
   * Creates the loop; the first {@link #runDue()} runs a cycle at once.
   *
   * @param executor the started executor
   * @param schedule the cadence
   * @param clock local time
   * @param deadMan the dead-man's switch, or empty to run without one
   */
  public ReconciliationLoop(
      OkxExecutor executor,
      ReconciliationSchedule schedule,
      InstantSource clock,
      Optional<DeadManSwitch> deadMan) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deadMan = Objects.requireNonNull(deadMan, "deadMan");
  }

  /**
   * Returns the interval the journal's state asks for now: {@code unsettled} while an order is
   * pending or unknown, an entry is working or a trade is unprotected or closing; {@code
   * positionsOpen} while a position (or an orphan) is open; else {@code idle}.
   *
   * @return the interval
   */
  public Duration interval() {
    for (OrderRecord order : executor.journal().orders()) {
      if (order.status() == OrderStatus.PENDING_SUBMIT
          || order.status() == OrderStatus.SUBMITTED_UNKNOWN) {
        return schedule.unsettled();
      }
    }
    boolean open = false;
    for (TradeRecord trade : executor.journal().openTrades()) {
      if (trade.status() == TradeStatus.ENTRY_WORKING
          || trade.status() == TradeStatus.OPEN_UNPROTECTED
          || trade.status() == TradeStatus.CLOSING
          || trade.status() == TradeStatus.SIGNALLED) {
        return schedule.unsettled();
      }
      open = true;
    }
    return open ? schedule.positionsOpen() : schedule.idle();
  }

  /** Returns when the next reconciliation cycle is due. */
  public Instant nextCycle() {
    return nextCycle;
  }

  /** Returns the report of the last cycle run, if any. */
  public Optional<ReconciliationReport> lastReport() {
    return lastReport;
  }

  /**
   * Refreshes the dead-man's switch when due and runs a reconciliation cycle when due (at once when
   * the switch has just lapsed: OKX may have cancelled our entries).
   *
   * @return true when a reconciliation cycle ran
   */
  public boolean runDue() {
    Instant now = clock.instant();
    boolean lapsed = false;
    if (deadMan.isPresent()) {
      DeadManState before = deadMan.get().state();
      DeadManState after = deadMan.get().refreshIfDue();
      lapsed = after == DeadManState.LAPSED && before != DeadManState.LAPSED;
    }
    if (!lapsed && now.isBefore(nextCycle)) {
      return false;
    }
    boolean ledger = lapsed || !now.isBefore(nextLedger);
    lastReport = Optional.of(executor.reconcile(ledger));
    Instant done = clock.instant();
    if (ledger) {
      nextLedger = done.plus(schedule.ledger());
    }
    nextCycle = done.plus(interval());
    return true;
  }

  /**
   * Returns when {@link #runDue()} next has work: the earlier of the next cycle and the next
   * dead-man refresh.
   *
   * @return the instant
   */
  public Instant nextWake() {
    Instant wake = nextCycle;
    if (deadMan.isPresent()) {
      Optional<Instant> refresh = deadMan.get().nextRefresh();
      if (refresh.isPresent() && refresh.get().isBefore(wake)) {
        wake = refresh.get();
      }
    }
    return wake;
  }

  /**
   * Runs cycles until told to stop, sleeping until the next one is due (at most one second at a
   * time, so a stop request is seen promptly).
   *
   * @param keepRunning asked before each wait
   * @param sleeper the waits
   * @throws InterruptedException when interrupted while waiting
   */
  public void run(BooleanSupplier keepRunning, Sleeper sleeper) throws InterruptedException {
    Objects.requireNonNull(keepRunning, "keepRunning");
    Objects.requireNonNull(sleeper, "sleeper");
    while (keepRunning.getAsBoolean()) {
      runDue();
      Duration wait = Duration.between(clock.instant(), nextWake());
      if (wait.compareTo(Duration.ofSeconds(1)) > 0) {
        wait = Duration.ofSeconds(1);
      }
      if (wait.isPositive()) {
        sleeper.sleep(wait);
      }
    }
  }
}
