package org.smc4j.app.config;

import java.net.URI;
import java.util.Objects;

/**
 * The {@code alerts.telegram} section. The bot token is a secret: it is read only from the
 * environment variable named here (or a {@code .env} file), never from this file.
 *
 * @param enabled whether signals are posted to Telegram
 * @param apiUrl the Bot API base URL
 * @param chatId the chat (or channel) to post to
 * @param tokenEnv the environment variable holding the bot token
 */
public record TelegramConfig(boolean enabled, URI apiUrl, String chatId, String tokenEnv) {

  /** Off; {@code https://api.telegram.org}; token in {@code SMC4J_TELEGRAM_BOT_TOKEN}. */
  public static final TelegramConfig DEFAULT =
      new TelegramConfig(
          false, URI.create("https://api.telegram.org"), "", "SMC4J_TELEGRAM_BOT_TOKEN");

  /** Validates that no component is null. */
  public TelegramConfig {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(tokenEnv, "tokenEnv");
  }
}
