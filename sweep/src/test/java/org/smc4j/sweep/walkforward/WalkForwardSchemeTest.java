package org.smc4j.sweep.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardSchemeTest {

  private static final Instant JAN = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant JUL = Instant.parse("2025-07-01T00:00:00Z");

  private static String text(WalkForwardWindow w) {
    return w.train().from().toString().substring(0, 10)
        + ".."
        + w.train().to().toString().substring(0, 10)
        + " -> "
        + w.test().to().toString().substring(0, 10);
  }

  @Test
  void shouldRollTheTrainWindowByTheStep() {
    List<WalkForwardWindow> w =
        new WalkForwardScheme(Period.ofMonths(2), Period.ofMonths(1), Period.ofMonths(1), false)
            .windows(JAN, JUL);
    assertThat(w)
        .extracting(WalkForwardSchemeTest::text)
        .containsExactly(
            "2025-01-01..2025-03-01 -> 2025-04-01",
            "2025-02-01..2025-04-01 -> 2025-05-01",
            "2025-03-01..2025-05-01 -> 2025-06-01",
            "2025-04-01..2025-06-01 -> 2025-07-01");
    assertThat(w.get(3).index()).isEqualTo(3);
  }

  @Test
  void shouldGrowAnAnchoredTrainWindowFromTheStart() {
    List<WalkForwardWindow> w =
        new WalkForwardScheme(Period.ofMonths(3), Period.ofMonths(1), Period.ofMonths(1), true)
            .windows(JAN, JUL);
    assertThat(w)
        .extracting(WalkForwardSchemeTest::text)
        .containsExactly(
            "2025-01-01..2025-04-01 -> 2025-05-01",
            "2025-01-01..2025-05-01 -> 2025-06-01",
            "2025-01-01..2025-06-01 -> 2025-07-01");
  }

  @Test
  void shouldRefuseATrainAndTestLongerThanTheData() {
    assertThatThrownBy(
            () ->
                new WalkForwardScheme(
                        Period.ofMonths(5), Period.ofMonths(2), Period.ofMonths(1), false)
                    .windows(JAN, JUL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "train P5M plus test P2M is longer than the data [2025-01-01T00:00:00Z,"
                + " 2025-07-01T00:00:00Z)");
  }

  @Test
  void shouldRefuseANonPositiveLength() {
    assertThatThrownBy(
            () -> new WalkForwardScheme(Period.ZERO, Period.ofDays(7), Period.ofDays(7), false))
        .hasMessage("train, test and step must be positive periods, were P0D, P7D, P7D");
  }
}
