package org.smc4j.app.scan;

import java.util.ArrayList;
import java.util.List;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.DiscordConfig;
import org.smc4j.app.config.Secrets;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TelegramConfig;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.alert.DiscordAlertSink;
import org.smc4j.live.alert.TelegramAlertSink;

/** The alert sinks the {@code alerts} section enables, with their secrets. */
public final class ScanAlerts {

  private ScanAlerts() {}

  /**
   * Builds the enabled sinks.
   *
   * @param config the configuration
   * @param secrets where the bot token and the webhook URL are read
   * @return the sinks, Telegram first; empty when none is enabled
   * @throws ConfigException naming the key when an enabled sink's secret is missing or invalid
   */
  public static List<AlertSink> sinks(Smc4jConfig config, Secrets secrets) {
    List<AlertSink> sinks = new ArrayList<>();
    TelegramConfig telegram = config.alerts().telegram();
    if (telegram.enabled()) {
      String token =
          secrets
              .get(telegram.tokenEnv())
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "alerts.telegram.token-env",
                          "telegram is enabled but "
                              + telegram.tokenEnv()
                              + " is not set in the environment or the .env file"));
      try {
        sinks.add(
            TelegramAlertSink.builder(token, telegram.chatId()).baseUri(telegram.apiUrl()).build());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("alerts.telegram", e.getMessage(), e);
      }
    }
    DiscordConfig discord = config.alerts().discord();
    if (discord.enabled()) {
      String url =
          secrets
              .get(discord.webhookUrlEnv())
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "alerts.discord.webhook-url-env",
                          "discord is enabled but "
                              + discord.webhookUrlEnv()
                              + " is not set in the environment or the .env file"));
      try {
        sinks.add(DiscordAlertSink.builder(url).build());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("alerts.discord", e.getMessage(), e);
      }
    }
    return sinks;
  }
}
