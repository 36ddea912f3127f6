package org.smc4j.app.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.alert.SignalAlert;

/** Paper's kill switch: one alert each time its level rises, none while it stays. */
class KillSwitchAlertsTest {

  private final List<SignalAlert> sent = new ArrayList<>();
  private final AtomicInteger journalLevel = new AtomicInteger();
  private final AtomicInteger readLevel = new AtomicInteger();

  private KillSwitchAlerts alerts(AlertDispatcher dispatcher) {
    return new KillSwitchAlerts(
        () -> readLevel.set(journalLevel.get()),
        readLevel::get,
        () -> "kill switch level " + readLevel.get() + ": trade stop (level " + readLevel + ")",
        new BotAlerts("paper", List.of("BTC-USDT-SWAP"), dispatcher));
  }

  @Test
  void aRisingLevelIsOneAlertAndASteadyOneIsNone() {
    AlertSink recording = sent::add;
    try (AlertDispatcher dispatcher = AlertDispatcher.synchronous(List.of(recording))) {
      KillSwitchAlerts killSwitch = alerts(dispatcher);

      killSwitch.run();
      assertThat(sent).isEmpty();

      journalLevel.set(3);
      killSwitch.run();
      killSwitch.run();

      assertThat(sent)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.symbol()).isEqualTo(BotAlerts.ACCOUNT);
                assertThat(a.text())
                    .isEqualTo(
                        "[smc4j paper] kill switch level 3: trade stop (level 3): no new entries,"
                            + " pending entries cancelled, positions closed at the next close");
              });

      // cleared by `trade stop --clear`, then tripped again: alerted again
      journalLevel.set(0);
      killSwitch.run();
      journalLevel.set(1);
      killSwitch.run();

      assertThat(sent).hasSize(2);
      assertThat(sent.get(1).text())
          .isEqualTo("[smc4j paper] kill switch level 1: trade stop (level 1): no new entries");
    }
  }
}
