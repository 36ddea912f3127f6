package org.smc4j.marketdata.validate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CenteredMedianProperties {

  /** The median of the window by sorting a copy: the definition the one-pass version must meet. */
  private static double naive(double[] values, int i, int halfWindow) {
    int n = values.length;
    int m = (int) Math.min(n, 2L * halfWindow + 1);
    int lo = Math.min(Math.max(0, i - halfWindow), n - m);
    double[] w = Arrays.copyOfRange(values, lo, lo + m);
    Arrays.sort(w);
    return (m & 1) == 1 ? w[m / 2] : (w[m / 2 - 1] + w[m / 2]) / 2;
  }

  @Property(tries = 300)
  void shouldEqualTheMedianOfASortedCopyOfEachWindow(
      @ForAll @Size(max = 120) List<@DoubleRange(min = 0, max = 5) Double> list,
      @ForAll @IntRange(min = 0, max = 30) int halfWindow) {
    // Values rounded to one decimal so that ties (equal ranges) are frequent, as in real data.
    double[] values = list.stream().mapToDouble(d -> Math.round(d * 10) / 10.0).toArray();

    double[] medians = CenteredMedian.of(values, values.length, halfWindow);

    for (int i = 0; i < values.length; i++) {
      assertThat(medians[i]).as("index %d", i).isEqualTo(naive(values, i, halfWindow));
    }
  }

  @Example
  void shouldShiftTheWindowInwardsAtTheEnds() {
    // Half window 1: index 0 uses values 0..2 (median 2), index 4 uses 2..4 (median 7).
    double[] values = {1, 2, 9, 7, 3};

    double[] medians = CenteredMedian.of(values, 5, 1);

    assertThat(medians).containsExactly(2, 2, 7, 7, 7);
  }
}
