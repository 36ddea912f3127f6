package org.smc4j.marketdata.validate.internal;

import java.util.Arrays;

/**
 * The median of a window of {@code 2 * halfWindow + 1} values centred on each index, shifted
 * inwards at the ends of the array so that it always holds that many values (or all of them when
 * the array is shorter). One pass with a sorted buffer: each step removes the value leaving the
 * window and inserts the one entering it (binary search and one array copy), so the cost is {@code
 * O(n * halfWindow)} element moves with no per-step allocation.
 */
public final class CenteredMedian {

  private CenteredMedian() {}

  /**
   * Computes the centred medians.
   *
   * @param values the values; only the first {@code n} are read
   * @param n how many values
   * @param halfWindow values on each side of the centre, {@code >= 0}
   * @return the median around each of the {@code n} indices
   * @throws IllegalArgumentException when {@code n} is negative or beyond the array, or {@code
   *     halfWindow < 0}
   */
  public static double[] of(double[] values, int n, int halfWindow) {
    if (n < 0 || n > values.length) {
      throw new IllegalArgumentException("n must be in [0, " + values.length + "], was " + n);
    }
    if (halfWindow < 0) {
      throw new IllegalArgumentException("halfWindow must be >= 0, was " + halfWindow);
    }
    double[] medians = new double[n];
    if (n == 0) {
      return medians;
    }
    final int m = (int) Math.min(n, 2L * halfWindow + 1);
    double[] sorted = Arrays.copyOf(values, m);
    Arrays.sort(sorted);
    int lo = 0;
    final int lastLo = n - m;
    for (int i = 0; i < n; i++) {
      int wantLo = Math.min(Math.max(0, i - halfWindow), lastLo);
      while (lo < wantLo) {
        replace(sorted, values[lo], values[lo + m]);
        lo++;
      }
      medians[i] = (m & 1) == 1 ? sorted[m >> 1] : (sorted[(m >> 1) - 1] + sorted[m >> 1]) / 2;
    }
    return medians;
  }

  /** Removes one copy of {@code out} from the sorted buffer and inserts {@code in}. */
  private static void replace(double[] sorted, double out, double in) {
    int m = sorted.length;
    int at = Arrays.binarySearch(sorted, out);
    if (at < 0) {
      throw new IllegalStateException("value " + out + " is not in the window");
    }
    // Remove by shifting the tail left, then insert keeping the order.
    System.arraycopy(sorted, at + 1, sorted, at, m - 1 - at);
    int pos = Arrays.binarySearch(sorted, 0, m - 1, in);
    if (pos < 0) {
      pos = -pos - 1;
    }
    System.arraycopy(sorted, pos, sorted, pos + 1, m - 1 - pos);
    sorted[pos] = in;
  }
}
