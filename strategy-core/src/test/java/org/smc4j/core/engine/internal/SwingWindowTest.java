package org.smc4j.core.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwingWindowTest {

  /** The swing rule of STRATEGY.md section 1 over the whole array, for the latest bar {@code i}. */
  private static int naivePivot(double[] h, int i, int left, int right) {
    int j = i - right;
    if (j < left) {
      return -1;
    }
    for (int k = 1; k <= left; k++) {
      if (!(h[j] > h[j - k])) {
        return -1;
      }
    }
    for (int k = 1; k <= right; k++) {
      if (!(h[j] >= h[j + k])) {
        return -1;
      }
    }
    return j;
  }

  @ParameterizedTest(name = "L={0}, R={1}")
  @CsvSource({"1,1", "2,2", "3,3", "2,3", "3,2", "5,2", "3,1", "1,6", "7,7"})
  void shouldReportExactlyThePivotsOfANaiveScanOfTheWholeSeries(int left, int right) {
    for (long seed = 1; seed <= 40; seed++) {
      Random random = new Random(seed);
      int n = 300;
      double[] h = new double[n];
      for (int i = 0; i < n; i++) {
        // Few distinct prices: many equal highs, which the rule treats differently left and right.
        h[i] = 100 + random.nextInt(6);
      }
      SwingWindow w = new SwingWindow(left, right);
      for (int i = 0; i < n; i++) {
        w.push(h[i], h[i] - 1, 1_000L * i);
        assertThat(w.pivotAtLatest())
            .as("seed %d, L=%d, R=%d, latest bar %d", seed, left, right, i)
            .isEqualTo(naivePivot(h, i, left, right));
        // The last L + R + 1 bars stay readable by index.
        for (int q = Math.max(0, i - left - right); q <= i; q++) {
          assertThat(w.hi(q)).isEqualTo(h[q]);
          assertThat(w.lo(q)).isEqualTo(h[q] - 1);
          assertThat(w.time(q)).isEqualTo(1_000L * q);
        }
      }
    }
  }

  @Test
  void shouldConfirmADefaultFiveMinuteSwingTwoBarsAfterItsPivotAndRejectAnEqualHighOnItsLeft() {
    // 5m default L = R = 2. Highs: bar 2 (105) is above bars 0-1 and at least bars 3-4 (105 ties on
    // the right are allowed): known at bar 4. Bar 7 (108) has an equal high on its left (bar 6):
    // no swing.
    double[] highs = {101, 102, 105, 105, 103, 104, 108, 108, 107, 106};
    SwingWindow w = new SwingWindow(2, 2);
    List<String> found = new ArrayList<>();
    for (int i = 0; i < highs.length; i++) {
      w.push(highs[i], highs[i] - 2, i);
      int p = w.pivotAtLatest();
      if (p >= 0) {
        found.add("pivot " + p + " known at " + i);
      }
    }
    // Bar 6 (108): above 104 and 103 on the left, 108 >= 108 and 108 >= 107 on the right.
    assertThat(found).containsExactly("pivot 2 known at 4", "pivot 6 known at 8");
  }
}
