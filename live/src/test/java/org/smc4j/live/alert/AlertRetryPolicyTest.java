package org.smc4j.live.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertRetryPolicyTest {

  @Test
  void shouldDoubleTheBackoffUpToTheCap() {
    AlertRetryPolicy p =
        new AlertRetryPolicy(
            10, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(9));

    assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.backoffAfter(9)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldRejectOutOfRangeValues() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new AlertRetryPolicy(0, s, s, s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be in 1..10, was 0");
    assertThatThrownBy(() -> new AlertRetryPolicy(3, Duration.ZERO, s, s))
        .hasMessage("initialBackoff must be > 0, was PT0S");
    assertThatThrownBy(() -> new AlertRetryPolicy(3, s, Duration.ofMillis(10), s))
        .hasMessage("maxBackoff must be >= initialBackoff PT1S, was PT0.01S");
    assertThatThrownBy(() -> new AlertRetryPolicy(3, s, s, Duration.ofSeconds(-1)))
        .hasMessage("maxRetryAfter must be > 0, was PT-1S");
    assertThatThrownBy(() -> AlertRetryPolicy.DEFAULT.backoffAfter(0))
        .hasMessage("failedAttempt must be >= 1, was 0");
  }
}
