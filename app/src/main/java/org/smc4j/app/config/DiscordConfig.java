package org.smc4j.app.config;

import java.util.Objects;

/**
 * The {@code alerts.discord} section. The webhook URL carries its own secret token, so it is read
 * only from the environment variable named here (or a {@code .env} file).
 *
 * @param enabled whether signals are posted to Discord
 * @param webhookUrlEnv the environment variable holding the webhook URL
 */
public record DiscordConfig(boolean enabled, String webhookUrlEnv) {

  /** Off; URL in {@code SMC4J_DISCORD_WEBHOOK_URL}. */
  public static final DiscordConfig DEFAULT = new DiscordConfig(false, "SMC4J_DISCORD_WEBHOOK_URL");

  /** Validates that no component is null. */
  public DiscordConfig {
    Objects.requireNonNull(webhookUrlEnv, "webhookUrlEnv");
  }
}
