package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderAck;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.exchange.okx.model.OrderRef;
import org.smc4j.exchange.okx.model.OrderState;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.exchange.okx.model.Position;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;

/**
 * What the executor and its collaborators ({@link PositionProtector}, {@link PositionCloser},
 * {@link AlgoBook}) share: the client, the journal, the settings, the instruments, the clock and
 * the sleeper, the alerts, the crash hook and the seeded jitter; and the small operations all of
 * them use (journal lookups, order queries, rate-limited placement, kill-switch trips, waits).
 */
final class ExecutionContext {

  private static final Logger log = LoggerFactory.getLogger(ExecutionContext.class);
  private static final String SWAP = "SWAP";
  private static final int ENTRY_RATE_LIMIT_RETRIES = 3;

  private final OkxClient client;
  private final ExecutionJournal journal;
  private final ExecutionSettings settings;
  private final Map<String, OkxInstrument> instruments;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final ExecutionAlerts alerts;
  private final CrashPoints crashPoints;
  private final RandomGenerator random;

  ExecutionContext(
      OkxClient client,
      ExecutionJournal journal,
      ExecutionSettings settings,
      Map<String, OkxInstrument> instruments,
      InstantSource clock,
      Sleeper sleeper,
      ExecutionAlerts alerts,
      CrashPoints crashPoints,
      RandomGenerator random) {
    this.client = client;
    this.journal = journal;
    this.settings = settings;
    this.instruments = instruments;
    this.clock = clock;
    this.sleeper = sleeper;
    this.alerts = alerts;
    this.crashPoints = crashPoints;
    this.random = random;
  }

  OkxClient client() {
    return client;
  }

  ExecutionJournal journal() {
    return journal;
  }

  ExecutionSettings settings() {
    return settings;
  }

  Map<String, OkxInstrument> instruments() {
    return instruments;
  }

  InstantSource clock() {
    return clock;
  }

  ExecutionAlerts alerts() {
    return alerts;
  }

  CrashPoints crashPoints() {
    return crashPoints;
  }

  RandomGenerator random() {
    return random;
  }

  OkxResult<OrderAck> placeWithRateLimitRetries(PlaceOrderRequest request) {
    OkxResult<OrderAck> result = client.placeOrder(request);
    for (int attempt = 1;
        result.errorClass() == OkxErrorClass.RATE_LIMITED && attempt <= ENTRY_RATE_LIMIT_RETRIES;
        attempt++) {
      // 50011 means not executed: the same clOrdId may be sent again after a backoff.
      pause(settings.backoff().delay(attempt, random));
      result = client.placeOrder(request);
    }
    return result;
  }

  Optional<OrderDetails> queryOrder(String instId, OrderRef ref) {
    OkxResult<OrderDetails> result = client.order(instId, ref);
    if (result instanceof OkxResult.Ok<OrderDetails> ok) {
      return Optional.of(ok.value());
    }
    log.warn(
        "query of order {} failed: {}", ref.value(), result.failure().orElseThrow().describe());
    return Optional.empty();
  }

  static OrderStatus statusOf(OrderState state) {
    return switch (state) {
      case LIVE -> OrderStatus.LIVE;
      case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
      case FILLED -> OrderStatus.FILLED;
      case CANCELED, MMP_CANCELED -> OrderStatus.CANCELED;
    };
  }

  void trip(int level, String reason) {
    journal.tripKillSwitch(level, reason, clock.instant());
    alerts.alert("kill switch level " + level + ": " + reason);
  }

  Optional<BigDecimal> positionSize(String instId) {
    OkxResult<List<Position>> result = client.positions(SWAP, instId);
    if (!(result instanceof OkxResult.Ok<List<Position>> ok)) {
      log.warn("{}: positions failed: {}", instId, result.failure().orElseThrow().describe());
      return Optional.empty();
    }
    return Optional.of(
        ok.value().stream()
            .filter(p -> p.instId().equals(instId))
            .map(Position::pos)
            .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  TradeRecord trade(String key) {
    return journal
        .trade(key)
        .orElseThrow(() -> new IllegalStateException("no journaled trade " + key));
  }

  OkxInstrument instrument(String instId) {
    OkxInstrument instrument = instruments.get(instId);
    if (instrument == null) {
      throw new IllegalArgumentException(
          "instrument " + instId + " is not configured; known: " + instruments.keySet());
    }
    return instrument;
  }

  void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting " + duration, e);
    }
  }

  static String wire(String enumName) {
    return enumName.toLowerCase(Locale.ROOT);
  }
}
