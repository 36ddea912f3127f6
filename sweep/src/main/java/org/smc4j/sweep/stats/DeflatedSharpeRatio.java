package org.smc4j.sweep.stats;

import java.util.Objects;

/**
 * The deflated Sharpe ratio (Bailey, Lopez de Prado 2014, "The Deflated Sharpe Ratio: Correcting
 * for Selection Bias, Backtest Overfitting and Non-Normality", J. Portfolio Management 40(5)): the
 * probability that the selected trial's true Sharpe ratio is above what the best of {@code N}
 * worthless trials would show by luck.
 *
 * <p>The expected maximum Sharpe ratio of {@code N} independent trials with true Sharpe 0 and
 * variance {@code V} of their estimated Sharpe ratios is {@code SR0 = sqrt(V) ((1 - gamma) Phi^-1(1
 * - 1/N) + gamma Phi^-1(1 - 1/(N e)))}, {@code gamma} the Euler-Mascheroni constant. The deflated
 * Sharpe ratio is {@code DSR = Phi((SR - SR0) sqrt(T - 1) / sqrt(1 - g3 SR + (g4 - 1) / 4 SR^2))}
 * for the selected trial's Sharpe ratio {@code SR}, its returns' skewness {@code g3} and
 * (non-excess) kurtosis {@code g4}, over {@code T} returns. All Sharpe ratios are per period (not
 * annualised).
 */
public final class DeflatedSharpeRatio {

  /** The Euler-Mascheroni constant. */
  public static final double EULER_MASCHERONI = 0.5772156649015329;

  private DeflatedSharpeRatio() {}

  /**
   * The result.
   *
   * @param sharpe the selected trial's per-period Sharpe ratio
   * @param expectedMaxSharpe {@code SR0}, the best Sharpe ratio expected from luck alone
   * @param skewness the selected returns' skewness
   * @param kurtosis the selected returns' kurtosis (3 for normal returns)
   * @param trials the number of trials {@code N}
   * @param observations the number of returns {@code T}
   * @param probability the deflated Sharpe ratio, in {@code [0, 1]}
   */
  public record Result(
      double sharpe,
      double expectedMaxSharpe,
      double skewness,
      double kurtosis,
      int trials,
      long observations,
      double probability) {}

  /**
   * Returns the expected maximum of {@code N} per-period Sharpe ratios of zero-skill trials.
   *
   * @param trials {@code N >= 2}
   * @param sharpeVariance the variance of the trials' Sharpe ratios, {@code >= 0}
   * @return {@code SR0}
   * @throws IllegalArgumentException when {@code N < 2} or the variance is negative or not finite
   */
  public static double expectedMaxSharpe(int trials, double sharpeVariance) {
    if (trials < 2) {
      throw new IllegalArgumentException("trials must be >= 2, was " + trials);
    }
    if (!(sharpeVariance >= 0) || !Double.isFinite(sharpeVariance)) {
      throw new IllegalArgumentException(
          "sharpeVariance must be >= 0 and finite, was " + sharpeVariance);
    }
    double g = EULER_MASCHERONI;
    return Math.sqrt(sharpeVariance)
        * ((1 - g) * NormalDistribution.quantile(1 - 1.0 / trials)
            + g * NormalDistribution.quantile(1 - 1.0 / (trials * Math.E)));
  }

  /**
   * Computes the deflated Sharpe ratio from its inputs.
   *
   * @param sharpe the selected trial's per-period Sharpe ratio
   * @param sharpeVariance the variance of all trials' per-period Sharpe ratios
   * @param trials the number of trials, {@code >= 2}
   * @param observations the number of returns, {@code >= 2}
   * @param skewness the selected returns' skewness
   * @param kurtosis the selected returns' kurtosis (non-excess)
   * @return the result
   * @throws IllegalArgumentException when a count is too small, a number is not finite, or the
   *     denominator {@code 1 - g3 SR + (g4 - 1)/4 SR^2} is not positive
   */
  public static Result of(
      double sharpe,
      double sharpeVariance,
      int trials,
      long observations,
      double skewness,
      double kurtosis) {
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be >= 2, was " + observations);
    }
    for (double v : new double[] {sharpe, skewness, kurtosis}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "sharpe, skewness and kurtosis must be finite, were "
                + sharpe
                + ", "
                + skewness
                + ", "
                + kurtosis);
      }
    }
    double sr0 = expectedMaxSharpe(trials, sharpeVariance);
    double denominator = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
    if (!(denominator > 0)) {
      throw new IllegalArgumentException(
          "1 - skewness x SR + (kurtosis - 1)/4 x SR^2 must be > 0, was " + denominator);
    }
    double z = (sharpe - sr0) * Math.sqrt(observations - 1.0) / Math.sqrt(denominator);
    return new Result(
        sharpe, sr0, skewness, kurtosis, trials, observations, NormalDistribution.cdf(z));
  }

  /**
   * Computes the deflated Sharpe ratio of the trial with the highest Sharpe ratio among several,
   * from their returns.
   *
   * @param returns {@code returns[t][n]}: the return of trial {@code n} in period {@code t}
   * @return the result for the best trial
   * @throws IllegalArgumentException when there are fewer than 2 trials or 2 periods, or the best
   *     trial's returns are flat
   */
  public static Result ofBest(double[][] returns) {
    Objects.requireNonNull(returns, "returns");
    int t = returns.length;
    if (t < 2) {
      throw new IllegalArgumentException("periods must be >= 2, was " + t);
    }
    int n = returns[0].length;
    double[] sharpe = new double[n];
    double[] column = new double[t];
    int best = 0;
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < t; i++) {
        column[i] = returns[i][k];
      }
      Moments m = Moments.of(column);
      sharpe[k] = m.sd() > 0 ? m.mean() / m.sd() : 0;
      if (sharpe[k] > sharpe[best]) {
        best = k;
      }
    }
    for (int i = 0; i < t; i++) {
      column[i] = returns[i][best];
    }
    Moments m = Moments.of(column);
    if (!(m.sd() > 0)) {
      throw new IllegalArgumentException("the best trial's returns are flat (no deviation)");
    }
    return of(sharpe[best], Moments.of(sharpe).variance(), n, t, m.skewness(), m.kurtosis());
  }

  /**
   * Sample moments of a series.
   *
   * @param mean the mean
   * @param variance the sample variance ({@code n - 1})
   * @param skewness {@code m3 / m2^1.5} of the population moments
   * @param kurtosis {@code m4 / m2^2} of the population moments (3 for a normal)
   */
  record Moments(double mean, double variance, double skewness, double kurtosis) {

    double sd() {
      return Math.sqrt(variance);
    }

    static Moments of(double[] x) {
      int n = x.length;
      double mean = 0;
      for (double v : x) {
        mean += v;
      }
      mean /= n;
      double m2 = 0;
      double m3 = 0;
      double m4 = 0;
      for (double v : x) {
        double d = v - mean;
        double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
      }
      double variance = n > 1 ? m2 / (n - 1) : 0;
      m2 /= n;
      m3 /= n;
      m4 /= n;
      double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
      double kurt = m2 > 0 ? m4 / (m2 * m2) : 3;
      return new Moments(mean, variance, skew, kurt);
    }
  }
}
