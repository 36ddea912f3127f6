package org.smc4j.exchange.okx.preflight;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.PositionMode;

/**
 * What the account must look like for the bot to start.
 *
 * @param environment the configured environment
 * @param host the configured REST host (named in messages)
 * @param positionMode the required position mode (the strategy holds one position per symbol: net)
 * @param tdMode the configured margin mode of orders
 * @param journalEnvironment the environment stored in the journal, empty for a new journal
 * @param refuseClockOffset refuse above this absolute clock offset (10 s)
 * @param warnClockOffset warn above this absolute clock offset (2 s)
 */
public record PreflightSettings(
    OkxEnvironment environment,
    URI host,
    PositionMode positionMode,
    MarginMode tdMode,
    Optional<OkxEnvironment> journalEnvironment,
    Duration refuseClockOffset,
    Duration warnClockOffset) {

  /** The default refusal threshold of the clock offset. */
  public static final Duration DEFAULT_REFUSE_OFFSET = Duration.ofSeconds(10);

  /** The default warning threshold of the clock offset. */
  public static final Duration DEFAULT_WARN_OFFSET = Duration.ofSeconds(2);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException when the warning threshold is above the refusal threshold
   */
  public PreflightSettings {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(positionMode, "positionMode");
    Objects.requireNonNull(tdMode, "tdMode");
    Objects.requireNonNull(journalEnvironment, "journalEnvironment");
    Objects.requireNonNull(refuseClockOffset, "refuseClockOffset");
    Objects.requireNonNull(warnClockOffset, "warnClockOffset");
    if (warnClockOffset.compareTo(refuseClockOffset) > 0) {
      throw new IllegalArgumentException(
          "warnClockOffset "
              + warnClockOffset
              + " must be <= refuseClockOffset "
              + refuseClockOffset);
    }
  }

  /**
   * Returns settings with the default clock thresholds.
   *
   * @param environment the configured environment
   * @param host the configured host
   * @param positionMode the required position mode
   * @param tdMode the configured margin mode
   * @param journalEnvironment the journal's environment, empty for a new journal
   * @return the settings
   */
  public static PreflightSettings of(
      OkxEnvironment environment,
      URI host,
      PositionMode positionMode,
      MarginMode tdMode,
      Optional<OkxEnvironment> journalEnvironment) {
    return new PreflightSettings(
        environment,
        host,
        positionMode,
        tdMode,
        journalEnvironment,
        DEFAULT_REFUSE_OFFSET,
        DEFAULT_WARN_OFFSET);
  }
}
