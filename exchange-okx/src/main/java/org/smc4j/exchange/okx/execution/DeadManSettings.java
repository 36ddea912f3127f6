package org.smc4j.exchange.okx.execution;

import java.time.Duration;
import java.util.Objects;
import org.smc4j.exchange.okx.id.ClientOrderId;

/**
 * The optional dead-man's switch (OKX-TRADING.md section 14 of the design, section 11 of the API
 * facts): {@code cancel-all-after {timeOut, tag}} refreshed by the bot, so OKX cancels our pending
 * entries when the bot stops refreshing. It never touches positions, which is why it is used only
 * together with the startup protection check.
 *
 * @param timeOut OKX's countdown, 10 to 120 s
 * @param refreshEvery how often the bot re-arms it; shorter than the countdown
 * @param tag the tag whose orders OKX cancels
 */
public record DeadManSettings(Duration timeOut, Duration refreshEvery, String tag) {

  /** The design's values: a 60 s countdown on tag {@code smc4j}, refreshed every 15 s. */
  public static final DeadManSettings DEFAULT =
      new DeadManSettings(Duration.ofSeconds(60), Duration.ofSeconds(15), ClientOrderId.TAG);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException when the countdown is outside 10-120 s or the refresh is not
   *     positive and shorter than the countdown
   */
  public DeadManSettings {
    Objects.requireNonNull(timeOut, "timeOut");
    Objects.requireNonNull(refreshEvery, "refreshEvery");
    Objects.requireNonNull(tag, "tag");
    long seconds = timeOut.toSeconds();
    if (seconds < 10 || seconds > 120) {
      throw new IllegalArgumentException(
          "timeOut must be within 10..120 s (OKX cancel-all-after), was " + seconds + " s");
    }
    if (refreshEvery.isNegative()
        || refreshEvery.isZero()
        || refreshEvery.compareTo(timeOut) >= 0) {
      throw new IllegalArgumentException(
          "refreshEvery must be > 0 and < timeOut " + timeOut + ", was " + refreshEvery);
    }
  }
}
