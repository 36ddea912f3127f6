package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.okx.fake.Fault;

/** The API key, secret and passphrase never reach the journal, an alert or an error message. */
class SecretsNeverLeakTest {

  @TempDir Path dir;

  @Test
  void shouldKeepCredentialsOutOfTheJournalAlertsAndErrors() throws IOException {
    List<String> texts = new ArrayList<>();
    try (ExecutorHarness h = ExecutorHarness.start(dir.resolve("ok"))) {
      h.startExecutor();
      h.server.faults().add("POST", "/api/v5/trade/order", new Fault.DropAfterExecute());
      h.executor.enter(h.marketLong("sig-secret-1"));
      h.server.faults().add("POST", "/api/v5/trade/order", Fault.topLevelError("50102", 401));
      h.server.faults().add("POST", "/api/v5/trade/order", Fault.topLevelError("50102", 401));
      h.executor.enter(h.limitLong("sig-secret-2"));
      h.executor.killSwitch(3, "test");
      texts.addAll(h.alerts);
      h.journal.orders().forEach(o -> texts.add(o.toString()));
      h.journal.trades().forEach(t -> texts.add(t.toString()));
    }
    try (ExecutorHarness h =
        ExecutorHarness.start(dir.resolve("refused"), true, OkxEnvironment.LIVE)) {
      Throwable refused =
          catchThrowable(
              () ->
                  h.newExecutor()
                      .start(
                          PreflightSettings.of(
                              OkxEnvironment.LIVE,
                              h.server.baseUri(),
                              PositionMode.NET,
                              MarginMode.CROSS,
                              Optional.empty())));
      assertThat(refused).isInstanceOf(StartRefusedException.class);
      texts.add(String.valueOf(refused.getMessage()));
      texts.addAll(h.alerts);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        // the SQLite file and its WAL, read as bytes so nothing hides in a binary page
        texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }

    assertThat(texts).isNotEmpty();
    assertThat(String.join("\n", texts))
        .contains("sig-secret")
        .doesNotContain(ExecutorHarness.KEY)
        .doesNotContain(ExecutorHarness.SECRET)
        .doesNotContain(ExecutorHarness.PASSPHRASE);
  }
}
