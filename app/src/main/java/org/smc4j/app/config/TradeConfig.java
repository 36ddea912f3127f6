package org.smc4j.app.config;

import java.time.Duration;
import java.util.Objects;
import org.smc4j.exchange.okx.execution.ReconciliationSchedule;
import org.smc4j.exchange.okx.model.MarginMode;

/**
 * The {@code trade} section: how {@code smc4j trade} runs on OKX. The daily loss limit and the most
 * open trades are the {@code risk.guards} section's.
 *
 * @param mode the mode the configuration allows: {@code trade --mode live} is refused unless this
 *     says {@link TradeMode#LIVE}; paper and demo run whatever it says
 * @param marginMode the margin mode of every order ({@code tdMode}); the account pre-flight refuses
 *     one the account mode does not support
 * @param unprotectedDeadline how long an open position may lack a confirmed stop before it is
 *     closed
 * @param entryValidity how long after the signal's close an entry may still be sent (a retry after
 *     a lost request or a restart past it is skipped)
 * @param reconcile how often the running bot reconciles with the exchange between cycles (and so
 *     how soon it applies a {@code trade stop} from another process): while something is unsettled,
 *     while positions are open, idle, and how often fills and funding are imported
 * @param deadManSwitch whether OKX's {@code cancel-all-after} is armed and refreshed, so that OKX
 *     cancels our pending entries when the bot stops refreshing it
 */
public record TradeConfig(
    TradeMode mode,
    MarginMode marginMode,
    Duration unprotectedDeadline,
    Duration entryValidity,
    ReconciliationSchedule reconcile,
    boolean deadManSwitch) {

  /**
   * Paper, cross margin, 10 s unprotected deadline, entries valid 5 min, the document's
   * reconciliation cadence (5 s unsettled, 15 s with positions, 60 s idle), no dead-man's switch.
   */
  public static final TradeConfig DEFAULT =
      new TradeConfig(
          TradeMode.PAPER,
          MarginMode.CROSS,
          Duration.ofSeconds(10),
          Duration.ofMinutes(5),
          ReconciliationSchedule.DEFAULT,
          false);

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException when a duration is not positive
   */
  public TradeConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(marginMode, "marginMode");
    positive("unprotectedDeadline", unprotectedDeadline);
    positive("entryValidity", entryValidity);
    Objects.requireNonNull(reconcile, "reconcile");
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
