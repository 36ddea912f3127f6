package org.smc4j.exchange.okx.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleTheCapUpToTheMaximum() {
    assertThat(Backoff.DEFAULT.cap(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(Backoff.DEFAULT.cap(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(Backoff.DEFAULT.cap(5)).isEqualTo(Duration.ofMillis(1600));
    assertThat(Backoff.DEFAULT.cap(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.DEFAULT.cap(200)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldRejectBadSettingsNamingThem() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessage("base must be > 0, was PT0S");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("max must be >= base PT2S, was PT1S");
    assertThatThrownBy(() -> Backoff.DEFAULT.cap(0)).hasMessage("attempt must be >= 1, was 0");
  }

  @Property
  void everyDelayLiesWithinItsCap(
      @ForAll @IntRange(min = 1, max = 100) int attempt, @ForAll long seed) {
    Duration delay = Backoff.DEFAULT.delay(attempt, new SplittableRandom(seed));

    assertThat(delay).isBetween(Duration.ZERO, Backoff.DEFAULT.cap(attempt));
  }

  @Test
  void shouldSpreadDelaysOverTheWholeRange() {
    SplittableRandom random = new SplittableRandom(42);
    long low = 0;
    long high = 0;
    for (int i = 0; i < 1000; i++) {
      long millis = Backoff.DEFAULT.delay(3, random).toMillis();
      low += millis < 200 ? 1 : 0;
      high += millis >= 200 ? 1 : 0;
    }
    assertThat(low).isBetween(400L, 600L);
    assertThat(high).isBetween(400L, 600L);
  }
}
