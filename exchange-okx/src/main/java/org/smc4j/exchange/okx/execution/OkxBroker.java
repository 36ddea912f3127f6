package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.trading.broker.Broker;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

/**
 * The pipeline's {@link Broker} port on OKX: a sized {@link OrderIntent} becomes an {@link
 * EntryRequest} for the {@link OkxExecutor}, whose journal answers whether a symbol is busy. The
 * signal id (and so every client order id) is derived from symbol, POI and signal time, so the same
 * signal seen again after a restart is never traded twice. Which trade each POI became is kept in
 * the journal, not in memory, so a restarted broker still cancels the entry of a POI that dies.
 */
public final class OkxBroker implements Broker {

  private final OkxExecutor executor;
  private final Duration entryValidity;

  /**
   * Creates the broker.
   *
   * @param executor the started executor
   * @param entryValidity how long after the signal close an entry may still be sent (a retry after
   *     a lost request is skipped past it)
   * @throws IllegalArgumentException when the validity is not positive
   */
  public OkxBroker(OkxExecutor executor, Duration entryValidity) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.entryValidity = Objects.requireNonNull(entryValidity, "entryValidity");
    if (entryValidity.isNegative() || entryValidity.isZero()) {
      throw new IllegalArgumentException("entryValidity must be > 0, was " + entryValidity);
    }
  }

  /**
   * Returns OKX's instrument id of a pipeline symbol: {@code BTC-USDT-SWAP} stays, {@code BTCUSDT}
   * becomes {@code BTC-USDT-SWAP}.
   *
   * @param symbol the pipeline's symbol
   * @return the instrument id
   * @throws IllegalArgumentException when the symbol is neither form
   */
  public static String instIdOf(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    String upper = symbol.toUpperCase(Locale.ROOT);
    if (upper.endsWith("-USDT-SWAP")) {
      return upper;
    }
    if (upper.endsWith("USDT") && upper.length() > 4 && !upper.contains("-")) {
      return upper.substring(0, upper.length() - 4) + "-USDT-SWAP";
    }
    throw new IllegalArgumentException(
        "symbol must be like BTCUSDT or BTC-USDT-SWAP, was '" + symbol + "'");
  }

  /**
   * Returns the stable signal id of a plan.
   *
   * @param intent the plan
   * @return {@code symbol|poiId|signalTime}
   */
  public static String signalIdOf(OrderIntent intent) {
    return intent.symbol() + "|" + intent.poiId() + "|" + intent.signalTime();
  }

  /**
   * Returns the signal time a stable signal id carries, the inverse of {@link #signalIdOf}.
   *
   * @param signalId an id made by {@link #signalIdOf}
   * @return the signal bar's close time; empty when the id is not of that form (an orphan's)
   */
  public static Optional<Instant> signalTimeOf(String signalId) {
    Objects.requireNonNull(signalId, "signalId");
    int bar = signalId.lastIndexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(signalId.substring(bar + 1)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> busyReason(String symbol) {
    String instId = instIdOf(symbol);
    return executor.journal().openTrades().stream()
        .filter(t -> t.instId().equals(instId))
        .findFirst()
        .map(t -> instId + " has trade " + t.tradeKey() + " in state " + t.status());
  }

  @Override
  public Submission submit(OrderIntent intent) {
    Objects.requireNonNull(intent, "intent");
    EntryRequest request =
        new EntryRequest(
            signalIdOf(intent),
            instIdOf(intent.symbol()),
            intent.side(),
            intent.entryKind(),
            BigDecimal.valueOf(intent.entryPrice()),
            BigDecimal.valueOf(intent.stop()),
            BigDecimal.valueOf(intent.target()),
            BigDecimal.valueOf(intent.contracts()),
            BigDecimal.valueOf(intent.plannedRisk()),
            intent.signalTime().plus(entryValidity));
    TradeRecord trade = executor.enter(request);
    executor.journal().mapPoi(intent.poiId(), trade.tradeKey(), trade.createdAt());
    return trade.status() == TradeStatus.SKIPPED
        ? new Submission(intent, Optional.of(trade.reason()))
        : new Submission(intent, Optional.empty());
  }

  @Override
  public boolean cancelPendingForPoi(String poiId, Instant at, String detail) {
    Optional<String> key = executor.journal().tradeOfPoi(poiId);
    return key.isPresent()
        && executor.cancelEntry(key.get(), "POI " + poiId + " died at " + at + ": " + detail);
  }
}
