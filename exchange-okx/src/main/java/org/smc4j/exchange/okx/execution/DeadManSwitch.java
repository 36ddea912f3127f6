package org.smc4j.exchange.okx.execution;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.model.CancelAllAfterAck;
import org.smc4j.trading.execution.ExecutionEvent;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.ExecutionJournal;

/**
 * Keeps OKX's {@code cancel-all-after} countdown running while the bot is alive (design section
 * 15.14). Each {@link #refreshIfDue()} re-arms it when its refresh interval has passed. The first
 * arming, every failure streak, a lapse and a permanent refusal are journaled as execution events
 * (a healthy refresh every few seconds is not, to keep the journal readable).
 *
 * <p>A refresh that fails transiently leaves the earlier countdown running ({@link
 * DeadManState#FAILING}); once the countdown has ended without a refresh ({@link
 * DeadManState#LAPSED}) OKX may have cancelled our pending entries, so the caller reconciles at
 * once: a cancelled entry with fills is then protected like any partial fill. A permanent refusal
 * (a fatal or definite error) switches the dead-man's switch off for this run ({@link
 * DeadManState#UNAVAILABLE}): it is optional, and the startup and periodic protection checks do not
 * depend on it. Not thread-safe: the reconciliation loop drives it.
 */
public final class DeadManSwitch {

  private static final Logger log = LoggerFactory.getLogger(DeadManSwitch.class);

  private final OkxClient client;
  private final ExecutionJournal journal;
  private final ExecutionAlerts alerts;
  private final InstantSource clock;
  private final DeadManSettings settings;
  private DeadManState state = DeadManState.OFF;
  private Optional<Instant> lastAttempt = Optional.empty();
  private Optional<Instant> armedUntil = Optional.empty();
  private boolean failing;

  /**
   * Creates the switch, not armed.
   *
   * @param client the signed client
   * @param journal where events are journaled
   * @param alerts where a human is told
   * @param clock local time
   * @param settings countdown, refresh interval and tag
   */
  public DeadManSwitch(
      OkxClient client,
      ExecutionJournal journal,
      ExecutionAlerts alerts,
      InstantSource clock,
      DeadManSettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Returns where the switch stands. */
  public DeadManState state() {
    return state;
  }

  /**
   * Returns when the next refresh is due.
   *
   * @return the instant, or empty when the switch is unavailable
   */
  public Optional<Instant> nextRefresh() {
    if (state == DeadManState.UNAVAILABLE) {
      return Optional.empty();
    }
    return Optional.of(lastAttempt.map(t -> t.plus(settings.refreshEvery())).orElse(Instant.MIN));
  }

  /**
   * Re-arms the countdown when the refresh interval has passed since the last attempt.
   *
   * @return the state afterwards
   */
  public DeadManState refreshIfDue() {
    Instant now = clock.instant();
    Optional<Instant> due = nextRefresh();
    if (due.isEmpty() || now.isBefore(due.get())) {
      return lapseCheck(now);
    }
    return refresh();
  }

  /**
   * Re-arms the countdown now.
   *
   * @return the state afterwards
   */
  public DeadManState refresh() {
    if (state == DeadManState.UNAVAILABLE) {
      return state;
    }
    Instant now = clock.instant();
    lastAttempt = Optional.of(now);
    OkxResult<CancelAllAfterAck> result = client.cancelAllAfter(settings.timeOut(), settings.tag());
    if (result instanceof OkxResult.Ok<CancelAllAfterAck>) {
      if (state != DeadManState.ARMED) {
        journal.addEvent(
            new ExecutionEvent(
                ExecutionEventKind.DEAD_MAN_ARMED,
                "",
                "cancel-all-after "
                    + settings.timeOut().toSeconds()
                    + " s on tag "
                    + settings.tag()
                    + ", refreshed every "
                    + settings.refreshEvery().toSeconds()
                    + " s",
                now));
      }
      armedUntil = Optional.of(now.plus(settings.timeOut()));
      state = DeadManState.ARMED;
      failing = false;
      return state;
    }
    OkxError error = result.failure().orElseThrow();
    if (error.errorClass() == OkxErrorClass.FATAL
        || error.errorClass() == OkxErrorClass.DEFINITE_REJECT
        || error.errorClass() == OkxErrorClass.SETUP_BLOCKED) {
      state = DeadManState.UNAVAILABLE;
      String detail =
          "cancel-all-after refused ("
              + error.describe()
              + "): running without the dead-man's switch; the protection checks still run";
      journal.addEvent(
          new ExecutionEvent(ExecutionEventKind.DEAD_MAN_UNAVAILABLE, "", detail, now));
      alerts.alert(detail);
      return state;
    }
    log.warn("dead-man's switch refresh failed: {}", error.describe());
    if (!failing) {
      failing = true;
      String detail = "cancel-all-after refresh failed: " + error.describe();
      journal.addEvent(new ExecutionEvent(ExecutionEventKind.DEAD_MAN_FAILED, "", detail, now));
      alerts.alert(detail);
    }
    if (state == DeadManState.ARMED) {
      state = DeadManState.FAILING;
    }
    return lapseCheck(now);
  }

  /**
   * Switches the countdown off ({@code timeOut 0}), e.g. before a planned stop that must leave the
   * pending entries working.
   *
   * @return true when OKX confirmed
   */
  public boolean disarm() {
    if (state == DeadManState.UNAVAILABLE) {
      return false;
    }
    OkxResult<CancelAllAfterAck> result = client.cancelAllAfter(Duration.ZERO, settings.tag());
    if (result.isOk()) {
      state = DeadManState.OFF;
      armedUntil = Optional.empty();
      return true;
    }
    log.warn("dead-man's switch disarm failed: {}", result.failure().orElseThrow().describe());
    return false;
  }

  private DeadManState lapseCheck(Instant now) {
    if (state == DeadManState.FAILING
        && armedUntil.isPresent()
        && !now.isBefore(armedUntil.get())) {
      state = DeadManState.LAPSED;
      String detail =
          "cancel-all-after countdown ended at "
              + armedUntil.get()
              + " without a refresh: OKX may have cancelled our pending entries; reconciling";
      journal.addEvent(new ExecutionEvent(ExecutionEventKind.DEAD_MAN_LAPSED, "", detail, now));
      alerts.alert(detail);
      armedUntil = Optional.empty();
    }
    return state;
  }
}
