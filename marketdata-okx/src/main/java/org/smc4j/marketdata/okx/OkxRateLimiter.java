package org.smc4j.marketdata.okx;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.smc4j.marketdata.MarketDataException;

/**
 * One sliding-window request budget per {@link OkxEndpoint}, shared by every thread that holds this
 * limiter. {@link #acquire} blocks until a request to the endpoint fits into the budget, so that no
 * window of the budget's length ever holds more requests than it allows (OKX counts per source IP,
 * which is why every {@link OkxMarketData} of a process should share {@link #shared()}).
 *
 * <p>The window is measured on the injected clock and waited out with the injected sleeper, so a
 * test can run it on simulated time.
 */
public final class OkxRateLimiter {

  private static final OkxRateLimiter SHARED = documented(InstantSource.system(), Sleeper.SYSTEM);

  private final Map<OkxEndpoint, Window> windows;
  private final InstantSource clock;
  private final Sleeper sleeper;

  private OkxRateLimiter(
      Map<OkxEndpoint, RateBudget> budgets, InstantSource clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(budgets, "budgets");
    EnumMap<OkxEndpoint, Window> map = new EnumMap<>(OkxEndpoint.class);
    for (OkxEndpoint endpoint : OkxEndpoint.values()) {
      RateBudget budget = budgets.get(endpoint);
      if (budget == null) {
        throw new IllegalArgumentException("budgets has no entry for endpoint " + endpoint);
      }
      map.put(endpoint, new Window(budget));
    }
    this.windows = map;
  }

  /**
   * Returns the process-wide limiter with OKX's documented budgets on the system clock; the default
   * of {@link OkxSettings#defaults()}.
   */
  public static OkxRateLimiter shared() {
    return SHARED;
  }

  /**
   * Creates a limiter with OKX's documented budgets ({@link OkxEndpoint#documentedBudget()}).
   *
   * @param clock the time source of the windows
   * @param sleeper how to wait for a window to free up
   * @return a new limiter, independent of {@link #shared()}
   */
  public static OkxRateLimiter documented(InstantSource clock, Sleeper sleeper) {
    EnumMap<OkxEndpoint, RateBudget> budgets = new EnumMap<>(OkxEndpoint.class);
    for (OkxEndpoint endpoint : OkxEndpoint.values()) {
      budgets.put(endpoint, endpoint.documentedBudget());
    }
    return new OkxRateLimiter(budgets, clock, sleeper);
  }

  /**
   * Creates a limiter with the given budgets.
   *
   * @param budgets one budget for every endpoint
   * @param clock the time source of the windows
   * @param sleeper how to wait for a window to free up
   * @return a new limiter
   * @throws IllegalArgumentException when an endpoint has no budget
   */
  public static OkxRateLimiter of(
      Map<OkxEndpoint, RateBudget> budgets, InstantSource clock, Sleeper sleeper) {
    return new OkxRateLimiter(budgets, clock, sleeper);
  }

  /**
   * Returns the budget of an endpoint.
   *
   * @param endpoint the endpoint group
   * @return its budget
   */
  public RateBudget budget(OkxEndpoint endpoint) {
    return windows.get(Objects.requireNonNull(endpoint, "endpoint")).budget;
  }

  /**
   * Blocks until one more request to {@code endpoint} fits into its budget and books it.
   *
   * @param endpoint the endpoint group about to be called
   * @return the clock time the request was booked at
   * @throws MarketDataException when the thread is interrupted while waiting (the interrupt flag is
   *     restored)
   */
  public Instant acquire(OkxEndpoint endpoint) {
    Window window = windows.get(Objects.requireNonNull(endpoint, "endpoint"));
    while (true) {
      Booking booking = window.tryBook(clock.millis());
      if (booking.waitMillis() == 0) {
        return Instant.ofEpochMilli(booking.bookedAt());
      }
      try {
        sleeper.sleep(Duration.ofMillis(booking.waitMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MarketDataException(
            "interrupted while waiting for a rate-limit permit of " + endpoint.path(), e);
      }
    }
  }

  /**
   * Tells whether a request to {@code endpoint} would be booked at once now, without booking it.
   * Another thread may take the permit before the caller's {@link #acquire}, which then waits as
   * usual.
   *
   * @param endpoint the endpoint group
   * @return true when its budget has a free permit at the clock's now
   */
  public boolean hasPermitNow(OkxEndpoint endpoint) {
    return windows.get(Objects.requireNonNull(endpoint, "endpoint")).free(clock.millis());
  }

  /** The outcome of one booking attempt: booked at a time, or a positive wait. */
  private record Booking(long bookedAt, long waitMillis) {}

  /** The booked request times of one endpoint within the last window. */
  private static final class Window {
    private final RateBudget budget;
    private final long windowMillis;
    private final ArrayDeque<Long> booked = new ArrayDeque<>();

    Window(RateBudget budget) {
      this.budget = budget;
      this.windowMillis = budget.window().toMillis();
    }

    /** Tells whether a request at {@code now} would be booked at once. */
    synchronized boolean free(long now) {
      while (!booked.isEmpty() && booked.peekFirst() <= now - windowMillis) {
        booked.pollFirst();
      }
      return booked.size() < budget.permits();
    }

    /** Books a request at {@code now}, or tells how long to wait first. */
    synchronized Booking tryBook(long now) {
      while (!booked.isEmpty() && booked.peekFirst() <= now - windowMillis) {
        booked.pollFirst();
      }
      if (booked.size() < budget.permits()) {
        // A clock that steps back must not let a request slip in before an older booking.
        long at = booked.isEmpty() ? now : Math.max(now, booked.peekLast());
        booked.addLast(at);
        return new Booking(at, 0);
      }
      return new Booking(0, Math.max(1, booked.peekFirst() + windowMillis - now));
    }
  }
}
