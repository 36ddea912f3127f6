package org.smc4j.app.config;

import java.util.Objects;

/**
 * The {@code alerts} section.
 *
 * @param telegram Telegram bot alerts
 * @param discord Discord webhook alerts
 * @param chart whether alerts carry the setup's chart image
 */
public record AlertsConfig(TelegramConfig telegram, DiscordConfig discord, boolean chart) {

  /** No alerts; charts on when alerts are enabled. */
  public static final AlertsConfig DEFAULT =
      new AlertsConfig(TelegramConfig.DEFAULT, DiscordConfig.DEFAULT, true);

  /** Validates that no component is null. */
  public AlertsConfig {
    Objects.requireNonNull(telegram, "telegram");
    Objects.requireNonNull(discord, "discord");
  }
}
