package org.smc4j.app.trade;

import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Paper mode's kill-switch alerts: reads the kill switch from the journal (where {@code trade stop}
 * in another process trips it) and, when its level rose since the last read, sends one bot alert
 * saying the level, the journal's reason and what the bot now does. A level already tripped when
 * the bot starts is reported at the first read.
 */
final class KillSwitchAlerts implements Runnable {

  private final Runnable refresh;
  private final IntSupplier level;
  private final Supplier<String> reason;
  private final BotAlerts bot;
  private int alerted;

  /**
   * The alerts over one trader's kill switch.
   *
   * @param refresh reads the kill switch from the journal
   * @param level the level as last read, 0 when not tripped
   * @param reason the level and the journal's reason, e.g. {@code kill switch level 1: trade stop}
   * @param bot where the alert goes
   */
  KillSwitchAlerts(Runnable refresh, IntSupplier level, Supplier<String> reason, BotAlerts bot) {
    this.refresh = Objects.requireNonNull(refresh, "refresh");
    this.level = Objects.requireNonNull(level, "level");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.bot = Objects.requireNonNull(bot, "bot");
  }

  /** Reads the kill switch and alerts when its level rose; a cleared switch is re-armed. */
  @Override
  public void run() {
    refresh.run();
    int now = level.getAsInt();
    if (now > alerted) {
      bot.alert(reason.get() + ": " + consequence(now));
      bot.flush();
    }
    alerted = now;
  }

  static String consequence(int level) {
    return switch (level) {
      case 1 -> "no new entries";
      case 2 -> "no new entries, pending entries cancelled";
      default -> "no new entries, pending entries cancelled, positions closed at the next close";
    };
  }
}
