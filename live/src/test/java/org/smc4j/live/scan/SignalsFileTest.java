package org.smc4j.live.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsFileTest {

  @TempDir Path dir;

  @Test
  void shouldNotAppendALineWhoseIdIsAlreadyInTheFileAfterAReopen() throws Exception {
    Path file = dir.resolve("signals.jsonl");
    try (SignalsFile f = new SignalsFile(file)) {
      assertThat(f.append("BTC:LONG:1", "{\"id\":\"BTC:LONG:1\",\"entry\":1}")).isTrue();
      assertThat(f.append("BTC:LONG:1", "{\"id\":\"BTC:LONG:1\",\"entry\":1}")).isFalse();
    }
    try (SignalsFile f = new SignalsFile(file)) {
      assertThat(f.append("BTC:LONG:1", "{\"id\":\"BTC:LONG:1\",\"entry\":1}")).isFalse();
      assertThat(f.append("ETH:SHORT:2", "{\"id\":\"ETH:SHORT:2\",\"entry\":2}")).isTrue();
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"id\":\"BTC:LONG:1\",\"entry\":1}", "{\"id\":\"ETH:SHORT:2\",\"entry\":2}");
  }
}
