/**
 * Alerts for the live scanner: a {@link org.smc4j.live.alert.SignalAlert} (symbol, text, optional
 * chart PNG) is posted by an {@link org.smc4j.live.alert.AlertSink} to Telegram ({@link
 * org.smc4j.live.alert.TelegramAlertSink}) or a Discord webhook ({@link
 * org.smc4j.live.alert.DiscordAlertSink}); an {@link org.smc4j.live.alert.AlertDispatcher} fans one
 * alert out to every configured sink, isolates their failures and can send in the background so a
 * slow webhook never delays the next scan cycle.
 *
 * <p>Secrets (the bot token, the webhook URL) are never written to logs or exception messages:
 * every message a sink produces passes through a redactor that replaces them.
 */
package org.smc4j.live.alert;
