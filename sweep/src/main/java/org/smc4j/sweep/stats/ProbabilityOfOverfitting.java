package org.smc4j.sweep.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV;
 * Bailey, Borwein, Lopez de Prado, Zhu 2015, "The Probability of Backtest Overfitting", J.
 * Computational Finance 20(4)).
 *
 * <p>The {@code T x N} matrix holds the returns of {@code N} trials (parameter combinations) over
 * {@code T} periods. Its rows are split into {@code S} contiguous blocks of (nearly) equal size.
 * For each of the {@code C(S, S/2)} ways to pick half of the blocks as the in-sample set (the
 * others out of sample), the trial with the best in-sample Sharpe ratio ({@code mean / sd} of its
 * returns) is found, and its out-of-sample Sharpe ratio ranked among all trials: {@code omega =
 * rank / (N + 1)} (rank 1 the worst; ties share the mean rank), {@code lambda = ln(omega / (1 -
 * omega))}. The probability of overfitting is the share of combinations with {@code lambda <= 0}:
 * how often the in-sample best is no better than the median out of sample.
 */
public final class ProbabilityOfOverfitting {

  private ProbabilityOfOverfitting() {}

  /**
   * The result.
   *
   * @param probability the share of splits whose in-sample best ranks at or below the median out of
   *     sample, in {@code [0, 1]}
   * @param logits the {@code lambda} of each split, in the order the splits were enumerated
   * @param blocks the number of blocks {@code S}
   * @param trials the number of trials {@code N}
   * @param periods the number of periods {@code T}
   */
  public record Result(double probability, double[] logits, int blocks, int trials, int periods) {

    /** Copies the logits. */
    public Result {
      logits = Objects.requireNonNull(logits, "logits").clone();
    }

    /** Returns a copy of the logits. */
    @Override
    public double[] logits() {
      return logits.clone();
    }

    /** Returns the number of splits, {@code C(S, S/2)}. */
    public int splits() {
      return logits.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r
          && Double.compare(probability, r.probability) == 0
          && Arrays.equals(logits, r.logits)
          && blocks == r.blocks
          && trials == r.trials
          && periods == r.periods;
    }

    @Override
    public int hashCode() {
      return Objects.hash(probability, Arrays.hashCode(logits), blocks, trials, periods);
    }

    @Override
    public String toString() {
      return "Result[probability="
          + probability
          + ", splits="
          + logits.length
          + ", blocks="
          + blocks
          + ", trials="
          + trials
          + ", periods="
          + periods
          + "]";
    }
  }

  /**
   * Computes the probability of backtest overfitting.
   *
   * @param returns {@code returns[t][n]}: the return of trial {@code n} in period {@code t}; every
   *     row of the same length, all finite
   * @param blocks the number of blocks {@code S}: even, {@code >= 2}, {@code <= T}, and {@code <=
   *     16} (12,870 splits)
   * @return the probability and the logits
   * @throws IllegalArgumentException when the matrix has fewer than 2 trials, ragged or non-finite
   *     rows, or the block count is not allowed
   */
  public static Result compute(double[][] returns, int blocks) {
    Objects.requireNonNull(returns, "returns");
    int t = returns.length;
    if (blocks < 2 || blocks % 2 != 0 || blocks > 16) {
      throw new IllegalArgumentException("blocks must be even and in [2, 16], was " + blocks);
    }
    if (t < blocks) {
      throw new IllegalArgumentException("periods must be >= blocks (" + blocks + "), was " + t);
    }
    int n = returns[0].length;
    if (n < 2) {
      throw new IllegalArgumentException("trials must be >= 2, was " + n);
    }
    // per block and trial: count, sum and sum of squares, so each split adds S/2 blocks
    double[][] sum = new double[blocks][n];
    double[][] sumSq = new double[blocks][n];
    int[] count = new int[blocks];
    for (int row = 0; row < t; row++) {
      double[] r = returns[row];
      if (r.length != n) {
        throw new IllegalArgumentException(
            "row " + row + " has " + r.length + " trials, row 0 has " + n);
      }
      int b = (int) ((long) row * blocks / t);
      count[b]++;
      for (int k = 0; k < n; k++) {
        double v = r[k];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "returns[" + row + "][" + k + "] must be finite, was " + v);
        }
        sum[b][k] += v;
        sumSq[b][k] += v * v;
      }
    }
    int half = blocks / 2;
    int splits = (int) binomial(blocks, half);
    double[] logits = new double[splits];
    int[] pick = new int[half];
    for (int i = 0; i < half; i++) {
      pick[i] = i;
    }
    boolean[] inSample = new boolean[blocks];
    double[] is = new double[n];
    double[] oos = new double[n];
    int below = 0;
    for (int s = 0; s < splits; s++) {
      Arrays.fill(inSample, false);
      for (int p : pick) {
        inSample[p] = true;
      }
      sharpe(sum, sumSq, count, inSample, true, is);
      sharpe(sum, sumSq, count, inSample, false, oos);
      int best = 0;
      for (int k = 1; k < n; k++) {
        if (is[k] > is[best]) {
          best = k;
        }
      }
      double lower = 0;
      double ties = 0;
      for (int k = 0; k < n; k++) {
        if (k != best) {
          if (oos[k] < oos[best]) {
            lower++;
          } else if (oos[k] == oos[best]) {
            ties++;
          }
        }
      }
      double rank = 1 + lower + ties / 2;
      double omega = rank / (n + 1);
      logits[s] = Math.log(omega / (1 - omega));
      if (logits[s] <= 0) {
        below++;
      }
      next(pick, blocks);
    }
    return new Result((double) below / splits, logits, blocks, n, t);
  }

  /** The Sharpe ratio of each trial over the chosen blocks; 0 for a flat zero series. */
  private static void sharpe(
      double[][] sum,
      double[][] sumSq,
      int[] count,
      boolean[] inSample,
      boolean wanted,
      double[] out) {
    int n = out.length;
    for (int k = 0; k < n; k++) {
      double s = 0;
      double q = 0;
      int c = 0;
      for (int b = 0; b < count.length; b++) {
        if (inSample[b] == wanted) {
          s += sum[b][k];
          q += sumSq[b][k];
          c += count[b];
        }
      }
      double mean = s / c;
      double var = c > 1 ? Math.max(0, (q - c * mean * mean) / (c - 1)) : 0;
      double sd = Math.sqrt(var);
      if (sd > 0) {
        out[k] = mean / sd;
      } else {
        out[k] = mean == 0 ? 0 : Math.copySign(Double.MAX_VALUE, mean);
      }
    }
  }

  /** Advances a sorted combination of {@code pick.length} of {@code [0, n)} lexicographically. */
  private static void next(int[] pick, int n) {
    int k = pick.length;
    int i = k - 1;
    while (i >= 0 && pick[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return;
    }
    pick[i]++;
    for (int j = i + 1; j < k; j++) {
      pick[j] = pick[j - 1] + 1;
    }
  }

  static long binomial(int n, int k) {
    long r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }
}
